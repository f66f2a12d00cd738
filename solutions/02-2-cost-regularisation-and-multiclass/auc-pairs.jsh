double aucByPairs(double[] y, double[] s) {
    double wins = 0, pairs = 0;
    for (int i = 0; i < y.length; i++)
        for (int j = 0; j < y.length; j++)
            if (y[i] == 1 && y[j] == 0) { pairs++; wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0; }
    return wins / pairs;
}
