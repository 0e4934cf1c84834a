package com.customk9.attendance.face;

import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.dnn.Dnn;
import org.opencv.dnn.Net;

/**
 * The DNN embedding ({@code fr_feature.onnx}): a 112x112 aligned face, RGB, scaled to (x - 127) / 128,
 * to a 512-dimensional vector, returned L2-normalised so that a dot product is the cosine similarity.
 * Not thread-safe: one per thread.
 */
public final class FaceEmbedder {

    public static final int DIMENSIONS = 512;
    private static final Size INPUT = new Size(FaceAligner.SIZE, FaceAligner.SIZE);
    private static final Scalar MEAN = new Scalar(127, 127, 127);

    private final Net net;

    public FaceEmbedder(String modelPath) {
        this.net = Dnn.readNetFromONNX(modelPath);
    }

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
}
