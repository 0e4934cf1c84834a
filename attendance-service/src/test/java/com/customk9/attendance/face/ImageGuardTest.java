package com.customk9.attendance.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

import com.customk9.attendance.face.ImageRejectedException.Reason;

class ImageGuardTest {

    private final ImageGuard guard = new ImageGuard(25_000_000, 64);

    private static Reason reasonOf(Runnable decode) {
        try {
            decode.run();
        } catch (ImageRejectedException e) {
            return e.reason();
        }
        throw new AssertionError("not rejected");
    }

    @Test
    void decodesAJpegAndAPngPhoto() {
        byte[] jpeg = FaceAssets.bytes(FaceAssets.photo("faces/2008_001009.jpg"));
        Mat image = guard.decode(jpeg);
        assertThat(image.cols()).isEqualTo(360);
        assertThat(image.rows()).isEqualTo(480);
        MatOfByte png = new MatOfByte();
        Imgcodecs.imencode(".png", image, png);
        assertThat(guard.decode(png.toArray()).size()).isEqualTo(image.size());
        assertThat(ImageGuard.header(png.toArray()).format()).isEqualTo(ImageGuard.Format.PNG);
    }

    @Test
    void aTruncatedJpegIsCorrupt() {
        byte[] jpeg = FaceAssets.bytes(FaceAssets.photo("faces/2008_001009.jpg"));
        assertThat(reasonOf(() -> guard.decode(Arrays.copyOf(jpeg, jpeg.length * 2 / 3)))).isEqualTo(Reason.CORRUPT);
        assertThat(reasonOf(() -> guard.decode(Arrays.copyOf(jpeg, 300)))).isEqualTo(Reason.CORRUPT);
    }

    @Test
    void textAndOtherFilesAreNotImagesWhateverTheirName() {
        assertThat(reasonOf(() -> guard.decode("hello, I am a photo.jpg".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(Reason.NOT_AN_IMAGE);
        byte[] elf = { 0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3E, 0 };
        assertThat(reasonOf(() -> guard.decode(elf))).isEqualTo(Reason.NOT_AN_IMAGE);
        assertThat(reasonOf(() -> guard.decode(new byte[0]))).isEqualTo(Reason.NOT_AN_IMAGE);
    }

    @Test
    void aPngBombIsRefusedFromItsHeaderBeforeDecoding() throws Exception {
        byte[] bomb = png(100_000, 100_000, 2_000_000);
        assertThat(bomb.length).isLessThan(100_000);
        assertThat(reasonOf(() -> guard.decode(bomb))).isEqualTo(Reason.TOO_MANY_PIXELS);
    }

    @Test
    void anImageSmallerThanAFaceCanBeIsTooSmall() {
        MatOfByte png = new MatOfByte();
        Imgcodecs.imencode(".png", new Mat(32, 32, CvType.CV_8UC3, new Scalar(1, 2, 3)), png);
        assertThat(reasonOf(() -> guard.decode(png.toArray()))).isEqualTo(Reason.TOO_SMALL);
    }

    @Test
    void aPngWhoseDataDoesNotMatchItsHeaderIsCorrupt() throws Exception {
        byte[] broken = pngWithData(200, 200, new byte[] { 1, 2, 3 });
        assertThat(reasonOf(() -> guard.decode(broken))).isEqualTo(Reason.CORRUPT);
    }

    /** A greyscale PNG declaring width x height whose IDAT holds {@code zeroRows} rows of zeros, deflated. */
    private static byte[] png(int width, int height, int zeroRows) throws Exception {
        Deflater deflater = new Deflater(9);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] row = new byte[Math.min(width + 1, 100_001)];
        byte[] out = new byte[1 << 16];
        for (int i = 0; i < Math.min(zeroRows, 200); i++) {
            deflater.setInput(row);
            while (!deflater.needsInput()) {
                compressed.write(out, 0, deflater.deflate(out));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            compressed.write(out, 0, deflater.deflate(out));
        }
        return pngWithData(width, height, compressed.toByteArray());
    }

    private static byte[] pngWithData(int width, int height, byte[] idat) throws Exception {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });
        chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(png, "IDAT", idat);
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws Exception {
        png.write(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        png.write(typeBytes);
        png.write(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        png.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
