import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

// Waits until a client can create a topic on the broker: only then do producers and consumer
// groups work. Prints the last error and exits 1 when the deadline passes.
public final class KafkaReady {
  public static void main(String[] args) throws InterruptedException {
    String bootstrap = args[0];
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[1]));
    Map<String, Object> config = Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
    String lastError = "no answer";
    while (System.nanoTime() < deadline) {
      try (Admin admin = Admin.create(config)) {
        admin.createTopics(List.of(new NewTopic("dyad.readiness-probe", 1, (short) 1))).all().get(10, TimeUnit.SECONDS);
        return;
      } catch (ExecutionException error) {
        if (error.getCause() instanceof TopicExistsException) {
          return;
        }
        lastError = String.valueOf(error.getCause());
      } catch (Exception error) {
        lastError = String.valueOf(error);
      }
      Thread.sleep(1000);
    }
    System.err.println("no topic could be created on " + bootstrap + ": " + lastError);
    System.exit(1);
  }
}
