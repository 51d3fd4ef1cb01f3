package nl.mvoscan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

  @Test
  void everythingMadeIsConsumedOnTheCallingThreadInTheOrderMade() {
    List<Integer> consumed = new ArrayList<>();
    Thread caller = Thread.currentThread();
    List<Thread> consumers = new ArrayList<>();
    ReadAhead.run(
        sink -> {
          for (int i = 0; i < 10_000; i++) {
            sink.accept(i);
          }
        },
        (Integer item) -> {
          consumed.add(item);
          if (consumers.isEmpty() || consumers.get(0) != Thread.currentThread()) {
            consumers.add(Thread.currentThread());
          }
        });
    assertThat(consumed).hasSize(10_000).isSorted();
    assertThat(consumers).containsExactly(caller);
  }

  @Test
  void whatTheProducerThrowsIsThrownAfterWhatItMadeBeforeIsConsumed() {
    IllegalArgumentException bad = new IllegalArgumentException("bad file");
    List<Integer> consumed = new ArrayList<>();
    Throwable thrown =
        catchThrowable(
            () ->
                ReadAhead.<Integer>run(
                    sink -> {
                      sink.accept(1);
                      sink.accept(2);
                      throw bad;
                    },
                    consumed::add));
    assertThat(thrown).isSameAs(bad);
    assertThat(consumed).containsExactly(1, 2);
  }

  @Test
  void aFailingConsumerStopsTheProducerAndItsFailureIsThrown() {
    AtomicInteger made = new AtomicInteger();
    IllegalStateException full = new IllegalStateException("disk full");
    Throwable thrown =
        catchThrowable(
            () ->
                ReadAhead.run(
                    sink -> {
                      for (int i = 0; i < 1_000_000; i++) {
                        made.incrementAndGet();
                        sink.accept(i);
                      }
                    },
                    (Integer item) -> {
                      if (item == 10) {
                        throw full;
                      }
                    }));
    assertThat(thrown).isSameAs(full);
    // the producer ran at most a queue's length ahead, and has ended: nothing more is made
    int after = made.get();
    assertThat(after).isLessThan(1_000);
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().equals("mvoscan-read-ahead"));
  }
}
