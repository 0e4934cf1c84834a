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

/**
 * The recognition engine of the running service: one {@link FacePipeline} per core (OpenCV's networks
 * are not thread-safe), lent to worker threads so the event loop never runs a network; the
 * {@link TemplateIndex} of every enrolled face, loaded from PostgreSQL at start. Without model files
 * the service still runs everything else, and face endpoints answer 503.
 */
@ApplicationScoped
public class FaceEngine {

    private static final Logger LOG = Logger.getLogger(FaceEngine.class);

    private final Optional<Path> modelsDir;
    private final float detectionThreshold;
    private final int minFaceSize;
    private final ImageGuard guard;
    private final Vertx vertx;
    private final Pool pool;
    private final TemplateIndex index = new TemplateIndex(FaceEmbedder.DIMENSIONS, Runtime.getRuntime().availableProcessors());
    private BlockingQueue<FacePipeline> pipelines;
    private Map<String, Object> models = Map.of("loaded", false);
    private String unavailableReason = "not started";

    public FaceEngine(@ConfigProperty(name = "customk9.attendance.face.models-dir") Optional<Path> modelsDir,
            @ConfigProperty(name = "customk9.attendance.face.detection-threshold", defaultValue = "0.8") float detectionThreshold,
            @ConfigProperty(name = "customk9.attendance.face.min-face-size", defaultValue = "40") int minFaceSize,
            @ConfigProperty(name = "customk9.attendance.face.max-pixels", defaultValue = "25000000") long maxPixels,
            Vertx vertx, Pool pool) {
        this.modelsDir = modelsDir;
        this.detectionThreshold = detectionThreshold;
        this.minFaceSize = minFaceSize;
        this.guard = new ImageGuard(maxPixels, 64);
        this.vertx = vertx;
        this.pool = pool;
    }

    void start(@Observes StartupEvent startup) {
        if (modelsDir.isEmpty()) {
            unavailableReason = "customk9.attendance.face.models-dir is not set";
            LOG.warn("Face recognition is off: " + unavailableReason);
            return;
        }
        FaceModels files = FaceModels.in(modelsDir.get());
        if (!files.present()) {
            unavailableReason = "the model files are missing in " + modelsDir.get();
            LOG.warn("Face recognition is off: " + unavailableReason);
            return;
        }
        int count = Math.max(1, Runtime.getRuntime().availableProcessors());
        BlockingQueue<FacePipeline> loaded = new ArrayBlockingQueue<>(count);
        for (int i = 0; i < count; i++) {
            loaded.add(new FacePipeline(files, detectionThreshold, minFaceSize));
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("loaded", true);
        info.put("engine", "opencv-dnn " + Core.VERSION);
        info.put("detector", model(files.detector()));
        info.put("landmarks", model(files.landmarks()));
        info.put("embedding", model(files.embedding()));
        info.put("embedding_dimensions", FaceEmbedder.DIMENSIONS);
        models = info;
        int templates = loadTemplates();
        pipelines = loaded;
        LOG.infof("Face recognition ready: %d pipelines, %d templates", count, templates);
    }

    private int loadTemplates() {
        var rows = pool.query("select t.id, p.person_id, t.embedding from face_template t join person p on p.id = t.person_ref "
                + "where p.status <> 'deleted' order by t.id").execute().await().indefinitely();
        for (Row row : rows) {
            index.add(row.getLong("id"), row.getString("person_id"), embedding(row.getBuffer("embedding").getBytes()));
        }
        return index.size();
    }

    private static Map<String, Object> model(Path file) {
        return Map.of("file", file.getFileName().toString(), "sha256", FaceModels.sha256(file));
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
