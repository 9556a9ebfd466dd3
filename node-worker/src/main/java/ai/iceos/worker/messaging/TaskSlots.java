package ai.iceos.worker.messaging;

import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The worker's run slots. A task {@link #enter enters} when it is received and is started at once
 * when a slot is free; otherwise it waits, and each freed slot goes to the waiting task whose
 * execution started earliest (tasks that do not say come after every dated one), ties in arrival
 * order. Thread-safe; the start callbacks run outside the lock.
 */
final class TaskSlots {
  private static final Comparator<Ticket> PRIORITY =
      Comparator.comparing(
              (Ticket ticket) -> ticket.executionStartedAt,
              Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparingLong(ticket -> ticket.arrival);

  private final int slots;
  private final PriorityQueue<Ticket> waiting = new PriorityQueue<>(PRIORITY);
  private int running;
  private long arrivals;

  TaskSlots(int slots) {
    if (slots < 1) {
      throw new IllegalArgumentException("slots must be >= 1");
    }
    this.slots = slots;
  }

  /**
   * A ticket for one received task; {@link Ticket#started()} completes when it gets a slot.
   *
   * @param executionStartedAt when the task's execution started, or null
   */
  Ticket enter(Instant executionStartedAt) {
    Ticket ticket;
    synchronized (this) {
      ticket = new Ticket(this, executionStartedAt, arrivals++);
      if (running < slots) {
        running++;
        ticket.state = State.RUNNING;
      } else {
        waiting.add(ticket);
      }
    }
    if (ticket.state == State.RUNNING) {
      ticket.started.complete(null);
    }
    return ticket;
  }

  /** Tasks received but not started. */
  synchronized int waiting() {
    return waiting.size();
  }

  private void leave(Ticket ticket) {
    Ticket next = null;
    synchronized (this) {
      switch (ticket.state) {
        case WAITING -> waiting.remove(ticket);
        case RUNNING -> {
          next = waiting.poll();
          if (next == null) {
            running--;
          } else {
            next.state = State.RUNNING;
          }
        }
        case LEFT -> {
          return;
        }
      }
      ticket.state = State.LEFT;
    }
    if (next != null) {
      next.started.complete(null);
    }
  }

  private enum State {
    WAITING,
    RUNNING,
    LEFT
  }

  /** One received task's place: waiting, running, or gone. */
  static final class Ticket {
    private final TaskSlots owner;
    private final Instant executionStartedAt;
    private final long arrival;
    private final CompletableFuture<Void> started = new CompletableFuture<>();
    private State state = State.WAITING;

    private Ticket(TaskSlots owner, Instant executionStartedAt, long arrival) {
      this.owner = owner;
      this.executionStartedAt = executionStartedAt;
      this.arrival = arrival;
    }

    /** Completes when the task may start. */
    CompletionStage<Void> started() {
      return started;
    }

    boolean isStarted() {
      return started.isDone();
    }

    /**
     * The task finished or was abandoned: frees its slot (for the next waiting task) or its place
     * in the queue. Idempotent.
     */
    void leave() {
      owner.leave(this);
    }
  }
}
