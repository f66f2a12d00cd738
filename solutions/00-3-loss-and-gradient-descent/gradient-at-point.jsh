double[] myGradient = {-4, 7};
