double myStepSize = 1.0 / 6;
