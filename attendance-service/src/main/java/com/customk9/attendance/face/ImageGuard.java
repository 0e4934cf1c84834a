package com.customk9.attendance.face;

import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

import com.customk9.attendance.face.ImageRejectedException.Reason;

/**
 * Turns uploaded bytes into a BGR image, or refuses them before OpenCV spends memory on them: the
 * format is recognised from its magic bytes (never the file name), the width and height are read from
 * the header and checked against a pixel budget before anything is decoded (a 40 kB PNG can declare
 * 100k x 100k pixels), a JPEG or PNG must reach its end marker (a truncated upload decodes to a half-
 * grey picture otherwise), and an empty decode is refused too.
 */
public final class ImageGuard {

    public enum Format {
        JPEG, PNG, BMP, WEBP
    }

    /** Declared dimensions read from the header. */
    public record Header(Format format, int width, int height) {
        long pixels() {
            return (long) width * height;
        }
    }

    private final long maxPixels;
    private final int minSide;

    public ImageGuard(long maxPixels, int minSide) {
        this.maxPixels = maxPixels;
        this.minSide = minSide;
    }

    public Mat decode(byte[] bytes) {
        Header header = header(bytes);
        if (header.width() <= 0 || header.height() <= 0) {
            throw new ImageRejectedException(Reason.CORRUPT, "The image header declares no size");
        }
        if (header.pixels() > maxPixels) {
            throw new ImageRejectedException(Reason.TOO_MANY_PIXELS, "The image declares " + header.width() + "x"
                    + header.height() + " pixels; at most " + maxPixels + " pixels are accepted");
        }
        if (header.width() < minSide || header.height() < minSide) {
            throw new ImageRejectedException(Reason.TOO_SMALL, "The image is " + header.width() + "x" + header.height()
                    + " pixels; at least " + minSide + "x" + minSide + " are needed");
        }
        if (!complete(header.format(), bytes)) {
            throw new ImageRejectedException(Reason.CORRUPT, "The " + header.format() + " image is cut off before its end");
        }
        MatOfByte buffer = new MatOfByte(bytes);
        Mat image = Imgcodecs.imdecode(buffer, Imgcodecs.IMREAD_COLOR);
        buffer.release();
        if (image.empty() || image.cols() != header.width() || image.rows() != header.height()) {
            image.release();
            throw new ImageRejectedException(Reason.CORRUPT, "The " + header.format() + " image could not be decoded");
        }
        return image;
    }

    /** The format and declared size, from the first bytes only. */
    public static Header header(byte[] b) {
        if (b.length >= 4 && u8(b, 0) == 0xFF && u8(b, 1) == 0xD8 && u8(b, 2) == 0xFF) {
            return jpeg(b);
        }
        if (b.length >= 24 && u8(b, 0) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && u8(b, 4) == 0x0D
                && u8(b, 5) == 0x0A && u8(b, 6) == 0x1A && u8(b, 7) == 0x0A && b[12] == 'I' && b[13] == 'H'
                && b[14] == 'D' && b[15] == 'R') {
            return new Header(Format.PNG, be32(b, 16), be32(b, 20));
        }
        if (b.length >= 26 && b[0] == 'B' && b[1] == 'M') {
            return new Header(Format.BMP, le32(b, 18), Math.abs(le32(b, 22)));
        }
        if (b.length >= 30 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
                && b[10] == 'B' && b[11] == 'P') {
            return webp(b);
        }
        throw new ImageRejectedException(Reason.NOT_AN_IMAGE, "The upload is not a JPEG, PNG, BMP or WebP image");
    }

    private static Header jpeg(byte[] b) {
        int i = 2;
        while (i + 9 < b.length) {
            if (u8(b, i) != 0xFF) {
                throw new ImageRejectedException(Reason.CORRUPT, "The JPEG image has a broken marker");
            }
            int marker = u8(b, i + 1);
            if (marker == 0xFF) {
                i++;
                continue;
            }
            int length = be16(b, i + 2);
            boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (startOfFrame) {
                return new Header(Format.JPEG, be16(b, i + 7), be16(b, i + 5));
            }
            if (marker == 0xDA || length < 2) {
                break;
            }
            i += 2 + length;
        }
        throw new ImageRejectedException(Reason.CORRUPT, "The JPEG image has no frame header");
    }

    private static Header webp(byte[] b) {
        String chunk = new String(b, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
        return switch (chunk) {
            case "VP8 " -> new Header(Format.WEBP, le16(b, 26) & 0x3FFF, le16(b, 28) & 0x3FFF);
            case "VP8L" -> {
                int bits = le32(b, 21);
                yield new Header(Format.WEBP, (bits & 0x3FFF) + 1, ((bits >>> 14) & 0x3FFF) + 1);
            }
            case "VP8X" -> new Header(Format.WEBP, le24(b, 24) + 1, le24(b, 27) + 1);
            default -> throw new ImageRejectedException(Reason.CORRUPT, "The WebP image has an unknown chunk");
        };
    }

    /** JPEG: an end-of-image marker after the last start-of-scan; PNG: the IEND chunk. */
    private static boolean complete(Format format, byte[] b) {
        return switch (format) {
            case JPEG -> {
                int end = lastIndexOf(b, 0xFF, 0xD9);
                yield end > 0 && end > lastIndexOf(b, 0xFF, 0xDA);
            }
            case PNG -> lastIndexOf(b, 'I', 'E', 'N', 'D') >= b.length - 16;
            default -> true;
        };
    }

    private static int lastIndexOf(byte[] b, int... pattern) {
        outer:
        for (int i = b.length - pattern.length; i >= 0; i--) {
            for (int j = 0; j < pattern.length; j++) {
                if (u8(b, i + j) != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int u8(byte[] b, int i) {
        return b[i] & 0xFF;
    }

    private static int be16(byte[] b, int i) {
        return (u8(b, i) << 8) | u8(b, i + 1);
    }

    private static int be32(byte[] b, int i) {
        return (u8(b, i) << 24) | (u8(b, i + 1) << 16) | (u8(b, i + 2) << 8) | u8(b, i + 3);
    }

    private static int le16(byte[] b, int i) {
        return u8(b, i) | (u8(b, i + 1) << 8);
    }

    private static int le24(byte[] b, int i) {
        return u8(b, i) | (u8(b, i + 1) << 8) | (u8(b, i + 2) << 16);
    }

    private static int le32(byte[] b, int i) {
        return u8(b, i) | (u8(b, i + 1) << 8) | (u8(b, i + 2) << 16) | (u8(b, i + 3) << 24);
    }
}
