package org.markguard.demo;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The product photos of the site, drawn on request from the seed. A photo is a mosaic of 9 × 8
 * tinted tiles, each tile brighter or darker than its right neighbour by a clear margin: a
 * synthetic stand-in for a product shot whose perceptual hash must survive re-encoding, as a real
 * photo's mostly does. Image 1 of a listing by an account in a {@link SellerDirectory.PhotoGroup}
 * is the group's one photo, re-encoded at the account's own size and quality (reposted photos).
 */
final class ProductPhotos {
    static final int COLUMNS = 9;
    static final int ROWS = 8;
    /** Neighbouring tiles differ by at least this much luminance (0–255). */
    static final int MIN_STEP = 28;
    private static final int WIDTH = 320;
    private static final int HEIGHT = 240;

    /** A served photo. */
    record Photo(String contentType, byte[] bytes) {
    }

    private final long seed;
    private final SellerDirectory sellers;

    ProductPhotos(long seed, SellerDirectory sellers) {
        this.seed = seed;
        this.sellers = sellers;
    }

    /** "png" or "jpg", fixed by the listing's position so a URL can be written without drawing the photo. */
    static String extension(DemoListing listing, int k) {
        return (listing.index() + k) % 2 == 1 ? "png" : "jpg";
    }

    /** The group whose shared photo image {@code k} of the listing is, or null for a photo of its own. */
    SellerDirectory.PhotoGroup sharedGroup(DemoListing listing, int k) {
        return k == 1 ? sellers.photoGroupOf(listing.seller().id()).orElse(null) : null;
    }

    Photo photo(DemoListing listing, int k) {
        SellerDirectory.PhotoGroup group = sharedGroup(listing, k);
        boolean jpeg = extension(listing, k).equals("jpg");
        if (group == null) {
            BufferedImage image = mosaic(new SplittableRandom(seed * 31 + listing.itemId() * 17 + k), WIDTH, HEIGHT);
            return encode(image, jpeg, 0.85f);
        }
        // each account of the group reposts the photo at its own size and JPEG quality
        int account = group.accountIndex(listing.seller().id());
        int width = 480 - 64 * (account % 4);
        BufferedImage image = mosaic(new SplittableRandom(seed * 131 + group.id().hashCode()), width, width * 3 / 4);
        return encode(image, jpeg, 0.92f - 0.12f * (account % 4));
    }

    /** 9 × 8 tiles; luminance along each row steps up or down by at least {@link #MIN_STEP}. */
    static BufferedImage mosaic(SplittableRandom rnd, int width, int height) {
        int[] luminance = new int[COLUMNS * ROWS];
        for (int r = 0; r < ROWS; r++) {
            int previous = -1000;
            for (int c = 0; c < COLUMNS; c++) {
                int l;
                do {
                    l = 30 + rnd.nextInt(196);
                } while (Math.abs(l - previous) < MIN_STEP);
                luminance[r * COLUMNS + c] = l;
                previous = l;
            }
        }
        double red = rnd.nextDouble(-25, 25);
        double blue = rnd.nextDouble(-25, 25);
        double green = -(0.299 * red + 0.114 * blue) / 0.587; // a tint that leaves the luminance as it is
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        // tile (r, c) holds the pixels with y * ROWS / height == r and x * COLUMNS / width == c; one
        // rectangle per tile rather than a call per pixel, which made drawing cost the demo a core
        for (int r = 0; r < ROWS; r++) {
            int y0 = ceilDiv(r * height, ROWS);
            int y1 = ceilDiv((r + 1) * height, ROWS);
            for (int c = 0; c < COLUMNS; c++) {
                int x0 = ceilDiv(c * width, COLUMNS);
                int x1 = ceilDiv((c + 1) * width, COLUMNS);
                int l = luminance[r * COLUMNS + c];
                g.setColor(new java.awt.Color(clamp(l + red), clamp(l + green), clamp(l + blue)));
                g.fillRect(x0, y0, x1 - x0, y1 - y0);
            }
        }
        g.dispose();
        return image;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    private static Photo encode(BufferedImage image, boolean jpeg, float quality) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!jpeg) {
                return new Photo("image/png", QuickPng.encode(image));
            }
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
                writer.setOutput(stream);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality);
                writer.write(null, new IIOImage(image, null, null), param);
            } finally {
                writer.dispose();
            }
            return new Photo("image/jpeg", out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
