package com.customk9.attendance.face;

import java.util.List;

import org.opencv.core.Mat;

/**
 * Finds the faces of a BGR frame, best first. Two are built in ({@link FaceModels.Detector}): the RFB-320
 * network, whose boxes come without landmarks, and OpenCV's YuNet, whose boxes carry five. Not
 * thread-safe: one per thread.
 */
public interface FaceDetector {

    List<FaceBox> detect(Mat bgr);
}
