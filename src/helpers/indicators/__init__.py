"""Find figures in sentences and study them: metric, value, unit, period, place, kind; targets and results."""
