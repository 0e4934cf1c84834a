package com.customk9.attendance.face;

import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.dnn.Dnn;
import org.opencv.dnn.Net;

/**
 * The default DNN embedding ({@code fr_feature.onnx}): the face warped onto the ArcFace five-point
 * reference ({@link FaceAligner#warp}), 112x112, RGB, scaled to (x - 127) / 128, to a 512-dimensional
 * vector, returned L2-normalised. Another ArcFace-style ONNX file with the same input works too; its length
 * is read off its output. Not thread-safe: one per thread.
 */
public final class ArcFaceEmbedder implements FaceEmbedder {

    private static final Size INPUT = new Size(FaceAligner.SIZE, FaceAligner.SIZE);
    private static final Scalar MEAN = new Scalar(127, 127, 127);

    private final Net net;
    private final int dimensions;

    public ArcFaceEmbedder(String modelPath) {
        this.net = Dnn.readNetFromONNX(modelPath);
        Mat blank = FaceEmbedder.blankFace();
        this.dimensions = embed(blank).length;
        blank.release();
    }

    @Override
    public Mat align(Mat bgr, FaceBox box, Point[] fivePoints) {
        return FaceAligner.warp(bgr, fivePoints);
    }

    @Override
    public float[] embed(Mat alignedBgr) {
        Mat blob = Dnn.blobFromImage(alignedBgr, 1 / 128.0, INPUT, MEAN, true, false);
        net.setInput(blob);
        Mat output = net.forward();
        float[] vector = new float[(int) output.total()];
        output.reshape(1, 1).get(0, 0, vector);
        blob.release();
        output.release();
        return Embeddings.normalised(vector);
    }

    @Override
    public int dimensions() {
        return dimensions;
    }
}
