// lambda^2 - trace * lambda + det = lambda^2 - 7 lambda + 6 = (lambda - 6)(lambda - 1)
double myLargestEigenvalue = 6;
