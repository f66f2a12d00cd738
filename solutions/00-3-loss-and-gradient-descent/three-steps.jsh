double[] myThreeSteps = {0.6, 1.08, 1.464};
