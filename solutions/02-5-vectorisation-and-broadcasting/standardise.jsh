SimpleMatrix standardise(SimpleMatrix X) {
    int m = X.getNumRows();
    SimpleMatrix ones = new SimpleMatrix(1, m).plus(1);
    SimpleMatrix centred = Broadcast.subtractRow(X, ones.mult(X).divide(m));
    SimpleMatrix std = ones.mult(centred.elementPower(2)).divide(m).elementPower(0.5);
    return Broadcast.divideRow(centred, std);
}
