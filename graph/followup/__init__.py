"""Follow-ups (issue 12): reports of what became of an earlier agreement's commitments."""
