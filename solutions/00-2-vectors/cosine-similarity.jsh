double cosineSimilarity(double[] a, double[] b) {
    double dot = 0, aa = 0, bb = 0;
    for (int i = 0; i < a.length; i++) {
        dot += a[i] * b[i];
        aa += a[i] * a[i];
        bb += b[i] * b[i];
    }
    return dot / (Math.sqrt(aa) * Math.sqrt(bb));
}
