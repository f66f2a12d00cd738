double[] myCross = {2, -1, 1};
