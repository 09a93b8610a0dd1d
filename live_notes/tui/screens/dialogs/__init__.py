"""The dialogs: modal screens over the live screen or the others."""
