double o = Math.tanh(0.8 * 0.5 + 0.3 * -1 + 0.1);
double myDw1 = 2 * (o - 1) * (1 - o * o) * 0.5;
