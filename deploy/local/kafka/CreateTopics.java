import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates Kafka topics idempotently, all in one request (a topic that already exists is fine).
 * Run by deploy/local/up with the broker's classpath:
 *
 * <pre>java -cp "LIBS/*" CreateTopics.java BOOTSTRAP PARTITIONS TIMEOUT_SECONDS TOPIC...</pre>
 *
 * Exit code 0 when every topic exists afterwards, 1 otherwise.
 */
public class CreateTopics {

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 4) {
            System.err.println("usage: CreateTopics BOOTSTRAP PARTITIONS TIMEOUT_SECONDS TOPIC...");
            System.exit(2);
        }
        String bootstrap = args[0];
        int partitions = Integer.parseInt(args[1]);
        int timeoutMs = Integer.parseInt(args[2]) * 1000;
        List<String> names = List.of(args).subList(3, args.length);

        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeoutMs, 10_000));

        int created = 0;
        int present = 0;
        int failed = 0;
        try (Admin admin = Admin.create(config)) {
            List<NewTopic> topics = names.stream().map(name -> new NewTopic(name, partitions, (short) 1)).toList();
            Map<String, KafkaFuture<Void>> results = admin.createTopics(topics).values();
            for (String name : names) {
                try {
                    results.get(name).get();
                    created++;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof TopicExistsException) {
                        present++;
                    } else {
                        failed++;
                        System.err.println("cannot create topic " + name + ": " + e.getCause());
                    }
                }
            }
        }
        System.out.printf("topics on %s: %d created, %d already present, %d failed%n", bootstrap, created, present, failed);
        System.exit(failed == 0 ? 0 : 1);
    }
}
