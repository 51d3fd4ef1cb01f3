package nl.mvoscan.cli;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs a producer on a thread of its own and hands what it makes to a consumer on the calling
 * thread, in the order made, through a short queue: an import reads, checks and scores the next
 * rows while the database stores the last ones, on two cores instead of one. The consumer (the
 * write transaction) stays on the calling thread; the queue bounds the memory to a few responses.
 */
final class ReadAhead {

  /** Items made but not yet consumed; enough to ride over a batch being written. */
  private static final int AHEAD = 64;

  private ReadAhead() {}

  /** Something that makes items and hands each to a sink, in order. */
  @FunctionalInterface
  interface Producer<T> {
    void run(Consumer<T> sink);
  }

  /**
   * Runs {@code producer} ahead of {@code consumer}; returns when both are done. What either throws
   * is thrown here (the producer's first), after the other has stopped.
   */
  static <T> void run(Producer<T> producer, Consumer<T> consumer) {
    BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD);
    Object end = new Object();
    Throwable[] failed = {null};
    AtomicBoolean stopped = new AtomicBoolean();
    Thread thread =
        new Thread(
            () -> {
              try {
                producer.run(
                    item -> {
                      if (!offer(queue, item, stopped)) {
                        throw new Stopped();
                      }
                    });
              } catch (Stopped e) {
                // the consumer failed: nothing more is wanted
              } catch (Throwable e) { // handed to the calling thread, which rethrows it
                failed[0] = e;
              } finally {
                offer(queue, end, stopped);
              }
            },
            "mvoscan-read-ahead");
    thread.setDaemon(true);
    thread.start();
    try {
      while (true) {
        Object item = queue.take();
        if (item == end) {
          break;
        }
        @SuppressWarnings("unchecked")
        T made = (T) item;
        consumer.accept(made);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while importing", e);
    } finally {
      stopped.set(true);
      queue.clear();
      join(thread);
    }
    // the thread has ended (joined), so what it stored in failed[0] is seen here
    if (failed[0] instanceof RuntimeException e) {
      throw e;
    }
    if (failed[0] instanceof Error e) {
      throw e;
    }
    if (failed[0] != null) {
      throw new IllegalStateException(failed[0]);
    }
  }

  /** Puts {@code item} in the queue; false once the consumer has stopped taking. */
  private static boolean offer(BlockingQueue<Object> queue, Object item, AtomicBoolean stopped) {
    try {
      while (true) {
        if (stopped.get()) {
          return false;
        }
        if (queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
          return true;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void join(Thread thread) {
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Ends the producer when the consumer has stopped. */
  private static final class Stopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stopped() {
      super(null, null, false, false);
    }
  }
}
