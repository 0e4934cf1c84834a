package com.customk9.attendance.face;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.opencv.core.Core;

import com.customk9.attendance.api.AttendanceException;
import com.customk9.platform.error.ErrorCode;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The recognition engine of the running service: one {@link FacePipeline} per core (OpenCV's networks
 * are not thread-safe), lent to worker threads so the event loop never runs a network; the
 * {@link TemplateIndex} of every enrolled face made by the running recogniser, loaded from PostgreSQL at
 * start. Templates remember their recogniser (the SHA-256 of its file): after a change of model, the older
 * ones are kept but never matched, and the status says how many there are (those persons enrol again).
 * Without usable model files the service still runs everything else, and face endpoints answer 503 saying why.
 */
@ApplicationScoped
public class FaceEngine {

    private static final Logger LOG = Logger.getLogger(FaceEngine.class);

    private final Optional<Path> modelsDir;
    private final String detectorKind;
    private final Optional<String> detectorFile;
    private final Optional<String> landmarksFile;
    private final String recognizerKind;
    private final Optional<String> recognizerFile;
    private final float detectionThreshold;
    private final int minFaceSize;
    private final ImageGuard guard;
    private final Vertx vertx;
    private final Pool pool;
    /** Replaced at start by one of the running recogniser's length. */
    private volatile TemplateIndex index = new TemplateIndex(512, 1);
    private String embeddingModel;
    private BlockingQueue<FacePipeline> pipelines;
    private Map<String, Object> models = Map.of("loaded", false);
    private String unavailableReason = "not started";

    public FaceEngine(@ConfigProperty(name = "customk9.attendance.face.models-dir") Optional<Path> modelsDir,
            @ConfigProperty(name = "customk9.attendance.face.detector", defaultValue = "rfb320") String detectorKind,
            @ConfigProperty(name = "customk9.attendance.face.detector-model") Optional<String> detectorFile,
            @ConfigProperty(name = "customk9.attendance.face.landmarks-model") Optional<String> landmarksFile,
            @ConfigProperty(name = "customk9.attendance.face.recognizer", defaultValue = "arcface") String recognizerKind,
            @ConfigProperty(name = "customk9.attendance.face.recognizer-model") Optional<String> recognizerFile,
            @ConfigProperty(name = "customk9.attendance.face.detection-threshold", defaultValue = "0.8") float detectionThreshold,
            @ConfigProperty(name = "customk9.attendance.face.min-face-size", defaultValue = "40") int minFaceSize,
            @ConfigProperty(name = "customk9.attendance.face.max-pixels", defaultValue = "25000000") long maxPixels,
            Vertx vertx, Pool pool) {
        this.modelsDir = modelsDir;
        this.detectorKind = detectorKind;
        this.detectorFile = detectorFile;
        this.landmarksFile = landmarksFile;
        this.recognizerKind = recognizerKind;
        this.recognizerFile = recognizerFile;
        this.detectionThreshold = detectionThreshold;
        this.minFaceSize = minFaceSize;
        this.guard = new ImageGuard(maxPixels, 64);
        this.vertx = vertx;
        this.pool = pool;
    }

    void start(@Observes StartupEvent startup) {
        FaceModels files;
        try {
            files = FaceModels.configured(modelsDir, detectorKind, detectorFile, landmarksFile, recognizerKind, recognizerFile);
        } catch (IllegalArgumentException e) {
            off(e.getMessage());
            return;
        }
        if (!files.present()) {
            off("model files are missing: " + files.missing().stream().map(Path::toString).collect(Collectors.joining(", ")));
            return;
        }
        int count = Math.max(1, Runtime.getRuntime().availableProcessors());
        BlockingQueue<FacePipeline> loaded = new ArrayBlockingQueue<>(count);
        try {
            for (int i = 0; i < count; i++) {
                loaded.add(new FacePipeline(files, detectionThreshold, minFaceSize));
            }
        } catch (RuntimeException e) {
            // OpenCV's answer to a file that is not the network it should be (CvException).
            off("the models cannot be loaded: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            return;
        }
        int dimensions = loaded.peek().dimensions();
        if (dimensions < 8 || dimensions % 8 != 0) {
            off("the recognizer's embeddings have " + dimensions + " values; a multiple of 8 is needed");
            return;
        }
        embeddingModel = FaceModels.sha256(files.recognizerFile());
        index = new TemplateIndex(dimensions, count);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("loaded", true);
        info.put("engine", "opencv-dnn " + Core.VERSION);
        info.put("detector", model(files.detector().configName(), files.detectorFile(), FaceModels.sha256(files.detectorFile())));
        if (files.landmarksFile() != null) {
            info.put("landmarks", model("68-point", files.landmarksFile(), FaceModels.sha256(files.landmarksFile())));
        }
        info.put("embedding", model(files.recognizer().configName(), files.recognizerFile(), embeddingModel));
        info.put("embedding_dimensions", dimensions);
        int templates = loadTemplates();
        info.put("templates", templates);
        info.put("templates_of_other_models", otherModelTemplates());
        models = info;
        pipelines = loaded;
        LOG.infof("Face recognition ready: %s detector, %s recognizer (%d values), %d pipelines, %d templates",
                files.detector().configName(), files.recognizer().configName(), dimensions, count, templates);
        if ((int) info.get("templates_of_other_models") > 0) {
            LOG.warnf("%d face templates were made by another recognition model and are not matched: enrol those persons again",
                    info.get("templates_of_other_models"));
        }
    }

    private void off(String reason) {
        unavailableReason = reason;
        LOG.warn("Face recognition is off: " + reason);
    }

    private int loadTemplates() {
        var rows = pool.preparedQuery("select t.id, p.person_id, t.embedding from face_template t join person p on p.id = t.person_ref "
                + "where p.status <> 'deleted' and t.embedding_model = $1 order by t.id")
                .execute(Tuple.of(embeddingModel)).await().indefinitely();
        for (Row row : rows) {
            index.add(row.getLong("id"), row.getString("person_id"), embedding(row.getBuffer("embedding").getBytes()));
        }
        return index.size();
    }

    private int otherModelTemplates() {
        var rows = pool.preparedQuery("select count(*) as n from face_template t join person p on p.id = t.person_ref "
                + "where p.status <> 'deleted' and t.embedding_model <> $1")
                .execute(Tuple.of(embeddingModel)).await().indefinitely();
        return rows.iterator().next().getLong("n").intValue();
    }

    /** The SHA-256 of the running recogniser's file, stored with each template it makes. */
    public String embeddingModel() {
        return embeddingModel;
    }

    private static Map<String, Object> model(String kind, Path file, String sha256) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("kind", kind);
        model.put("file", file.getFileName().toString());
        model.put("sha256", sha256);
        return model;
    }

    public boolean ready() {
        return pipelines != null;
    }

    /** Names, versions and checksums of the models, for the status endpoint. */
    public Map<String, Object> models() {
        if (!ready()) {
            Map<String, Object> off = new LinkedHashMap<>(models);
            off.put("reason", unavailableReason);
            return off;
        }
        return models;
    }

    public TemplateIndex index() {
        return index;
    }

    public ImageGuard guard() {
        return guard;
    }

    /** Runs work with a pipeline on a worker thread; the result comes back on the caller's context. */
    public <T> Uni<T> withPipeline(Function<FacePipeline, T> work) {
        if (!ready()) {
            return Uni.createFrom().failure(new AttendanceException(ErrorCode.SERVICE_UNAVAILABLE,
                    "FACE_RECOGNITION_UNAVAILABLE", "Face recognition is not available: " + unavailableReason, Map.of()));
        }
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            FacePipeline pipeline;
            try {
                pipeline = pipelines.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                return work.apply(pipeline);
            } finally {
                pipelines.add(pipeline);
            }
        }), false);
    }

    public static byte[] bytes(float[] embedding) {
        ByteBuffer buffer = ByteBuffer.allocate(embedding.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : embedding) {
            buffer.putFloat(value);
        }
        return buffer.array();
    }

    public static float[] embedding(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[] embedding = new float[bytes.length / 4];
        for (int i = 0; i < embedding.length; i++) {
            embedding[i] = buffer.getFloat();
        }
        return embedding;
    }
}
