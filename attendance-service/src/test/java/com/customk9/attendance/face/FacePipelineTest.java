package com.customk9.attendance.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

import com.customk9.attendance.face.ImageRejectedException.Reason;

/** The real models on real photos: enrol one photo per person, recognise the others, refuse strangers. */
class FacePipelineTest {

    private static FacePipeline pipeline;
    private static Map<String, List<Path>> johns;

    @BeforeAll
    static void load() {
        pipeline = FaceAssets.pipeline();
        johns = FaceAssets.johns();
    }

    @Test
    void findsOneFaceWithAUnitEmbeddingInAnEnrolmentPhoto() {
        FacePipeline.Face face = pipeline.enrolmentFace(FaceAssets.onCanvas(johns.get("John_Simm").get(0)));
        assertThat(face.embedding()).hasSize(512);
        assertThat(Embeddings.cosine(face.embedding(), face.embedding())).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-4f));
        assertThat(face.box().width()).isBetween(60, 200);
    }

    @Test
    void recognisesEachPersonsOtherPhotosFromOneEnrolledPhoto() {
        TemplateIndex index = new TemplateIndex(512, 1);
        long id = 1;
        for (var person : johns.entrySet()) {
            index.add(id++, person.getKey(), pipeline.enrolmentFace(FaceAssets.onCanvas(person.getValue().get(0))).embedding());
        }
        int right = 0;
        int total = 0;
        for (var person : johns.entrySet()) {
            for (Path photo : person.getValue().subList(1, person.getValue().size())) {
                TemplateIndex.Match match = index.best(pipeline.enrolmentFace(FaceAssets.onCanvas(photo)).embedding());
                total++;
                if (match.personId().equals(person.getKey())) {
                    right++;
                }
            }
        }
        assertThat(total).isEqualTo(50);
        assertThat(right).as("rank-1 of 50 photos").isGreaterThanOrEqualTo(48);
    }

    @Test
    void aGroupPhotoIsNoEnrolmentPhoto() {
        Mat group = Imgcodecs.imread(FaceAssets.photo("faces/bald_guys.jpg").toString());
        assertThat(pipeline.faces(group)).hasSizeGreaterThan(3);
        assertThatThrownBy(() -> pipeline.enrolmentFace(group))
                .isInstanceOfSatisfying(ImageRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.SEVERAL_FACES));
    }

    @Test
    void twoPeopleSideBySideAreSeveralFaces() {
        Mat left = FaceAssets.onCanvas(johns.get("John_Salley").get(0));
        Mat right = FaceAssets.onCanvas(johns.get("John_Savage").get(0));
        Mat both = new Mat();
        org.opencv.core.Core.hconcat(List.of(left, right), both);
        assertThatThrownBy(() -> pipeline.enrolmentFace(both))
                .isInstanceOfSatisfying(ImageRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.SEVERAL_FACES));
    }

    @Test
    void aPictureWithoutAFaceIsRefused() {
        Mat plain = new Mat(480, 640, CvType.CV_8UC3, new Scalar(90, 140, 60));
        org.opencv.imgproc.Imgproc.rectangle(plain, new org.opencv.core.Point(100, 100), new org.opencv.core.Point(300, 260),
                new Scalar(20, 20, 200), -1);
        assertThatThrownBy(() -> pipeline.enrolmentFace(plain))
                .isInstanceOfSatisfying(ImageRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_FACE));
    }

    @Test
    void aFaceTooSmallToEmbedIsRefused() {
        Mat chip = FaceAssets.onCanvas(johns.get("John_Simm").get(0));
        Mat tiny = new Mat();
        org.opencv.imgproc.Imgproc.resize(chip, tiny, new org.opencv.core.Size(), 0.25, 0.25);
        Mat canvas = new Mat();
        org.opencv.core.Core.copyMakeBorder(tiny, canvas, 200, 200, 200, 200, org.opencv.core.Core.BORDER_CONSTANT,
                new Scalar(200, 200, 200));
        assertThatThrownBy(() -> pipeline.enrolmentFace(canvas))
                .isInstanceOfSatisfying(ImageRejectedException.class,
                        e -> assertThat(e.reason()).isIn(Reason.TOO_SMALL, Reason.NO_FACE));
    }

    static Path thumbnailRecognizer() {
        try {
            return Path.of(FacePipelineTest.class.getResource("/models/thumbnail-recognizer.prototxt").toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theSfacePathCropsLikeOurAlignerAndEmbedsWithTheConfiguredNetwork() {
        Path models = FaceAssets.root().resolve("models");
        FaceModels configured = FaceModels.configured(java.util.Optional.of(models), "rfb320", java.util.Optional.empty(),
                java.util.Optional.empty(), "sface", java.util.Optional.of(thumbnailRecognizer().toString()));
        FacePipeline sface = new FacePipeline(configured, 0.8f, 40);
        assertThat(sface.dimensions()).isEqualTo(192);
        Mat photo = FaceAssets.onCanvas(johns.get("John_Savage").get(2));
        FacePipeline.Face face = sface.enrolmentFace(photo);
        assertThat(face.embedding()).hasSize(192);
        assertThat(Embeddings.cosine(face.embedding(), sface.enrolmentFace(photo).embedding()))
                .isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-4f));

        // OpenCV's alignCrop, given our five points in YuNet's order, cuts the same face as our own warp:
        // points in another order would mirror or turn it.
        FaceBox box = new Rfb320Detector(models.resolve("fr_detect.onnx").toString(), 0.8f).detect(photo).get(0);
        org.opencv.core.Point[] points = new FaceAligner(models.resolve("fr_landmark.onnx").toString()).fivePoints(photo, box);
        Mat ours = FaceAligner.warp(photo, points);
        Mat opencvs = new SFaceEmbedder(thumbnailRecognizer().toString()).align(photo, box, points);
        assertThat(opencvs.size()).isEqualTo(ours.size());
        Mat difference = new Mat();
        org.opencv.core.Core.absdiff(ours, opencvs, difference);
        double meanDifference = org.opencv.core.Core.mean(difference).val[0];
        org.opencv.core.Point[] swapped = { points[1], points[0], points[2], points[4], points[3] };
        org.opencv.core.Core.absdiff(ours, new SFaceEmbedder(thumbnailRecognizer().toString()).align(photo, box, swapped), difference);
        double swappedDifference = org.opencv.core.Core.mean(difference).val[0];
        assertThat(meanDifference).isLessThan(8.0).isLessThan(swappedDifference / 2);
    }
}
