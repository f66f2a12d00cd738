double[] myUnit = {1.0 / 3, 2.0 / 3, 2.0 / 3};
