package mlfoundations.plot;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;

/**
 * A quick self-test that charts can be drawn on this machine without a display ({@code ./course doctor} runs it):
 * headless AWT must find at least one font, or the first plot of a lesson fails.
 */
public final class HeadlessCheck {

    private HeadlessCheck() {
    }

    /** Draws a small chart with a title and prints one line; exits with status 1 if that is not possible. */
    public static void main(String[] args) {
        try {
            String[] fonts = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
            BufferedImage img = Charts.xy("check", "x", "y", 200, 150).line("y", new double[] {1, 2, 3}).image();
            if (img.getWidth() != 200 || fonts.length == 0) {
                System.out.println("no fonts available to Java");
                System.exit(1);
            }
            System.out.println("a test chart drew in headless mode (" + fonts.length + " font families, e.g. "
                    + fonts[0] + ")");
        } catch (Throwable e) {
            System.out.println("cannot draw a chart: " + e);
            System.exit(1);
        }
    }
}
