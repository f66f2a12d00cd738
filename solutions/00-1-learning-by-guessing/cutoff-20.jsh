double tail = 0;
int k = 20;
while (tail + pmf(20, k, 0.5) <= 0.05) {
    tail += pmf(20, k, 0.5);
    k--;
}
double cutoff20 = k + 1;
