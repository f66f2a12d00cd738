SimpleMatrix mySum = Matrices.zeros(3, 3);
for (int i = 0; i < 3; i++) {
    SimpleMatrix v = Matrices.columnVector(eig3.vector(i));
    mySum = mySum.plus(v.mult(v.transpose()).scale(eig3.value(i)));   // lambda_i v_i v_i^T
}
