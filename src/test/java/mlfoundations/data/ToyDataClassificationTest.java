package mlfoundations.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mlfoundations.stats.Rng;
import org.junit.jupiter.api.Test;

class ToyDataClassificationTest {

    @Test
    void xorLabelsAreTheExclusiveOrOfTheCoordinates() {
        ToyData.Classification d = ToyData.xor();
        assertEquals(4, d.size());
        for (int i = 0; i < 4; i++) {
            boolean a = d.x().get(i, 0) == 1;
            boolean b = d.x().get(i, 1) == 1;
            assertEquals(a ^ b ? 1.0 : 0.0, d.y().get(i, 0), 0);
        }
        assertEquals(2, d.points(0).length);
        assertEquals(2, d.points(1).length);
    }

    @Test
    void xorCloudPointsKeepTheirCornersLabel() {
        Rng.reset(4);
        ToyData.Classification d = ToyData.xorCloud(50, 0.1);
        assertEquals(200, d.size());
        for (int i = 0; i < d.size(); i++) {
            // With noise 0.1 a point stays nearer its own corner (rounding gives the corner), so XOR of the rounded
            // coordinates is the label, except with probability ~ 2 * P(|N(0, 0.1)| > 0.5) ~ 1e-6.
            long a = Math.round(d.x().get(i, 0));
            long b = Math.round(d.x().get(i, 1));
            assertEquals((a ^ b) & 1, (long) d.y().get(i, 0));
        }
    }

    @Test
    void blobsHaveHalfOfEachClassAroundTheirCentres() {
        Rng.reset(9);
        int m = 4000;
        ToyData.Classification d = ToyData.twoClassBlobs(m, 3.0);
        double[] labels = d.labels();
        double ones = 0;
        double mean0 = 0;
        double mean1 = 0;
        for (int i = 0; i < m; i++) {
            ones += labels[i];
            if (labels[i] == 0) {
                mean0 += d.x().get(i, 0);
            } else {
                mean1 += d.x().get(i, 0);
            }
        }
        assertEquals(m / 2.0, ones, 0);
        // Each mean of 2000 unit-variance draws has standard error 1/sqrt(2000) ~ 0.022.
        assertEquals(-1.5, mean0 / (m / 2.0), 4 / Math.sqrt(2000));
        assertEquals(1.5, mean1 / (m / 2.0), 4 / Math.sqrt(2000));
    }

    @Test
    void badArgumentsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ToyData.twoClassBlobs(1, 2));
        assertTrue(e.getMessage().contains("m = 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ToyData.xorCloud(5, -0.1));
        assertTrue(e.getMessage().contains("-0.1"), e.getMessage());
    }
}
