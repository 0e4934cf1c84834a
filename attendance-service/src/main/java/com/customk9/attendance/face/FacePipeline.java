package com.customk9.attendance.face;

import java.util.ArrayList;
import java.util.List;

import org.opencv.core.Mat;
import org.opencv.core.Point;

import com.customk9.attendance.face.ImageRejectedException.Reason;

/**
 * Detect, align, embed: the whole per-frame work on one thread, with the detector and recogniser that
 * {@link FaceModels} names. Five landmarks per face come from the detector (YuNet) or from the 68-point
 * landmark network (RFB-320); the recogniser aligns the face on them. Not thread-safe (OpenCV's networks are
 * not), so a service keeps one per worker thread.
 */
public final class FacePipeline {

    /** A face found in a frame and its unit-length embedding (null when it was too small to embed). */
    public record Face(FaceBox box, float[] embedding) {
    }

    /** Nanoseconds per stage of the last {@link #faces} call, for the benchmark. */
    public record StageTimes(long detect, long align, long embed) {
    }

    private final FaceDetector detector;
    private final FaceAligner aligner;
    private final FaceEmbedder embedder;
    private final int minFaceSize;
    private StageTimes lastTimes = new StageTimes(0, 0, 0);

    public FacePipeline(FaceModels models, float detectionThreshold, int minFaceSize) {
        this.detector = switch (models.detector()) {
            case RFB320 -> new Rfb320Detector(models.detectorFile().toString(), detectionThreshold);
            case YUNET -> new YuNetDetector(models.detectorFile().toString(), detectionThreshold);
        };
        this.aligner = models.landmarksFile() == null ? null : new FaceAligner(models.landmarksFile().toString());
        this.embedder = switch (models.recognizer()) {
            case ARCFACE -> new ArcFaceEmbedder(models.recognizerFile().toString());
            case SFACE -> new SFaceEmbedder(models.recognizerFile().toString());
        };
        this.minFaceSize = minFaceSize;
    }

    /** The length of this pipeline's embeddings. */
    public int dimensions() {
        return embedder.dimensions();
    }

    /** Every face in the frame, best detections first; faces below the minimum size get no embedding. */
    public List<Face> faces(Mat bgr) {
        long start = System.nanoTime();
        List<FaceBox> boxes = detector.detect(bgr);
        long detected = System.nanoTime();
        long aligning = 0;
        long embedding = 0;
        List<Face> faces = new ArrayList<>(boxes.size());
        for (FaceBox box : boxes) {
            if (box.shortSide() < minFaceSize) {
                faces.add(new Face(box, null));
                continue;
            }
            long t0 = System.nanoTime();
            Point[] fivePoints = box.landmarks() != null ? box.landmarks() : aligner.fivePoints(bgr, box);
            Mat aligned = embedder.align(bgr, box, fivePoints);
            long t1 = System.nanoTime();
            aligning += t1 - t0;
            if (aligned == null) {
                faces.add(new Face(box, null));
                continue;
            }
            float[] vector = embedder.embed(aligned);
            aligned.release();
            embedding += System.nanoTime() - t1;
            faces.add(new Face(box, vector));
        }
        lastTimes = new StageTimes(detected - start, aligning, embedding);
        return faces;
    }

    /** The embedding of an enrolment photo: exactly one face, large enough, or a rejection saying why. */
    public Face enrolmentFace(Mat bgr) {
        List<Face> faces = faces(bgr);
        if (faces.isEmpty()) {
            throw new ImageRejectedException(Reason.NO_FACE, "No face was found in the photo");
        }
        if (faces.size() > 1) {
            throw new ImageRejectedException(Reason.SEVERAL_FACES,
                    faces.size() + " faces were found in the photo; an enrolment photo shows one person");
        }
        Face face = faces.get(0);
        if (face.embedding() == null) {
            throw new ImageRejectedException(Reason.TOO_SMALL, "The face is " + face.box().shortSide()
                    + " pixels across; at least " + minFaceSize + " are needed");
        }
        return face;
    }

    public StageTimes lastTimes() {
        return lastTimes;
    }
}
