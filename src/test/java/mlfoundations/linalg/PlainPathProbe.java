package mlfoundations.linalg;

/** Run by VectorMatMulTest in a JVM started without the Vector API module: prints what FastMatMul does there. */
public final class PlainPathProbe {

    private PlainPathProbe() {
    }

    public static void main(String[] args) {
        System.out.println("probe path: " + FastMatMul.path());
        System.out.println("probe hasVectorApi: " + FastMatMul.hasVectorApi());
        // Small integers: every product and sum is exact, so any order of addition gives the naive answer exactly.
        double[][] a = new double[7][13];
        double[][] b = new double[13][5];
        for (int i = 0; i < 13; i++) {
            for (int j = 0; j < 7; j++) {
                a[j][i] = (i * 7 + j) % 11 - 5;
            }
            for (int j = 0; j < 5; j++) {
                b[i][j] = (i * 3 + j) % 9 - 4;
            }
        }
        System.out.println("probe max |multiply - naive|: "
                + MatMul.maxAbsDifference(FastMatMul.multiply(a, b), MatMul.naive(a, b)));
        try {
            FastMatMul.vectorApi(a, b, 1);
            System.out.println("probe vectorApi: ran");
        } catch (UnsupportedOperationException e) {
            System.out.println("probe vectorApi: UnsupportedOperationException: " + e.getMessage());
        }
    }
}
