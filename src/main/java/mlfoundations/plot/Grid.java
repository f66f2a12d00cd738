package mlfoundations.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/**
 * Several chart images side by side in one image ({@code plt.subplots(rows, cols)}): a notebook cell can show only
 * its last value, so a cell that compares charts shows them as one grid.
 */
public final class Grid {

    private Grid() {
    }

    /** The images laid out left to right, {@code columns} per row, each cell as large as the largest image. */
    public static BufferedImage of(int columns, BufferedImage... images) {
        if (images == null || images.length == 0) {
            throw new IllegalArgumentException("a grid needs at least one image");
        }
        if (columns <= 0) {
            throw new IllegalArgumentException("number of columns must be > 0, got " + columns);
        }
        int cellW = 0;
        int cellH = 0;
        for (int i = 0; i < images.length; i++) {
            if (images[i] == null) {
                throw new IllegalArgumentException("image " + i + " of the grid is null");
            }
            cellW = Math.max(cellW, images[i].getWidth());
            cellH = Math.max(cellH, images[i].getHeight());
        }
        int cols = Math.min(columns, images.length);
        int rows = (images.length + cols - 1) / cols;
        BufferedImage out = new BufferedImage(cols * cellW, rows * cellH, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            for (int i = 0; i < images.length; i++) {
                g.drawImage(images[i], (i % cols) * cellW, (i / cols) * cellH, null);
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The images in one row. */
    public static BufferedImage row(BufferedImage... images) {
        return of(images == null ? 1 : Math.max(1, images.length), images);
    }
}
