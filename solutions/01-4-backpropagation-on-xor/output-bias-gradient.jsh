SimpleMatrix pTrained = net.predictProbability(X);
double sumDz = 0;
for (int i = 0; i < m; i++) sumDz += pTrained.get(i) - Y.get(i);
double myDb2 = sumDz / m;
