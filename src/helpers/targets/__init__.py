"""Target-setting research: hardness, escalation down the hierarchy, conflicting figures, panels."""
