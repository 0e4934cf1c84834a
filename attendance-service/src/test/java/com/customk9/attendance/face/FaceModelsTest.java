package com.customk9.attendance.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class FaceModelsTest {

    private static final Path DIR = Path.of("/models");

    @Test
    void theDefaultPipelineIsTheThreeFetchedNetworks() {
        FaceModels models = FaceModels.in(DIR);
        assertThat(models.detector()).isEqualTo(FaceModels.Detector.RFB320);
        assertThat(models.recognizer()).isEqualTo(FaceModels.Recognizer.ARCFACE);
        assertThat(models.files()).containsExactly(DIR.resolve("fr_detect.onnx"), DIR.resolve("fr_landmark.onnx"),
                DIR.resolve("fr_feature.onnx"));
        assertThat(models.present()).isFalse();
        assertThat(models.missing()).hasSize(3);
    }

    @Test
    void yunetAndSfaceTakeOpenCvsFileNamesAndNeedNoLandmarkNetwork() {
        FaceModels models = FaceModels.configured(Optional.of(DIR), "YuNet", Optional.empty(), Optional.empty(), " sface ",
                Optional.empty());
        assertThat(models.detector()).isEqualTo(FaceModels.Detector.YUNET);
        assertThat(models.recognizer()).isEqualTo(FaceModels.Recognizer.SFACE);
        assertThat(models.landmarksFile()).isNull();
        assertThat(models.files()).containsExactly(DIR.resolve("face_detection_yunet_2023mar.onnx"),
                DIR.resolve("face_recognition_sface_2021dec.onnx"));
    }

    @Test
    void filesMayBeNamedRelativeToTheDirectoryOrAbsolute() {
        FaceModels models = FaceModels.configured(Optional.of(DIR), "yunet", Optional.of("yunet-int8.onnx"), Optional.empty(),
                "sface", Optional.of("/opt/other/sface.onnx"));
        assertThat(models.detectorFile()).isEqualTo(DIR.resolve("yunet-int8.onnx"));
        assertThat(models.recognizerFile()).isEqualTo(Path.of("/opt/other/sface.onnx"));
        // Without a directory, absolute paths are enough...
        FaceModels absolute = FaceModels.configured(Optional.empty(), "rfb320", Optional.of("/a/d.onnx"), Optional.of("/a/l.onnx"),
                "arcface", Optional.of("/a/f.onnx"));
        assertThat(absolute.files()).containsExactly(Path.of("/a/d.onnx"), Path.of("/a/l.onnx"), Path.of("/a/f.onnx"));
        // ...and a relative one says which setting is wrong.
        assertThatThrownBy(() -> FaceModels.configured(Optional.empty(), "rfb320", Optional.of("/a/d.onnx"), Optional.empty(),
                "arcface", Optional.of("/a/f.onnx")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("landmarks-model").hasMessageContaining("models-dir");
    }

    @Test
    void unknownKindsAreRefusedNamingTheChoices() {
        assertThatThrownBy(() -> FaceModels.configured(Optional.of(DIR), "haar", Optional.empty(), Optional.empty(), "arcface",
                Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("haar").hasMessageContaining("rfb320, yunet");
        assertThatThrownBy(() -> FaceModels.configured(Optional.of(DIR), "rfb320", Optional.empty(), Optional.empty(), "lbph",
                Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("arcface, sface");
    }

    @Test
    void yunetRowsBecomeBoxesWithLandmarksInFramePixels() {
        float[] row = { 10, 20, 100, 120, 40, 60, 80, 62, 60, 90, 45, 110, 78, 111, 0.93f };
        FaceBox box = YuNetDetector.toBox(row, 2.0, 1000, 1000);
        assertThat(box.x()).isEqualTo(20);
        assertThat(box.y()).isEqualTo(40);
        assertThat(box.width()).isEqualTo(200);
        assertThat(box.height()).isEqualTo(240);
        assertThat(box.score()).isEqualTo(0.93f);
        assertThat(box.landmarks()).hasSize(5);
        assertThat(box.landmarks()[0].x).isEqualTo(80.0);
        assertThat(box.landmarks()[4].y).isEqualTo(222.0);
        // Clipped to the frame; nothing left of it: no face.
        assertThat(YuNetDetector.toBox(new float[] { -50, -50, 100, 100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.9f }, 1.0, 30, 30).width())
                .isEqualTo(30);
        assertThat(YuNetDetector.toBox(new float[] { 40, 40, 10, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.9f }, 1.0, 30, 30)).isNull();
    }
}
