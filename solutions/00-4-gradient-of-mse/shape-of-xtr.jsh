double[] myShape = {3, 1};
