import Dispatch
import Foundation
import Synchronization

/// The threads that run the handler for requests that take real work (scoring), off the poll
/// threads: a poll loop that ran a 20 KB comment itself answered none of its other connections
/// (not even `/healthz`) until it was done. A fixed number of threads take jobs from one bounded
/// queue; ``submit(_:)`` refuses a job when the queue is full (the caller answers 503) rather than
/// let the queue, and the wait behind it, grow without bound.
final class AnalysisPool: Sendable {
    struct State {
        /// Taken jobs are set to nil at once, so a job (and the request and connection it holds)
        /// is released as soon as a thread takes it, not when the queue next empties.
        var jobs: [(@Sendable () -> Void)?] = []
        var head = 0
        var closed = false
        var queued: Int { jobs.count - head }
    }

    let threads: Int
    /// Jobs waiting (not counting the ones running) before ``submit(_:)`` refuses more.
    let capacity: Int
    private let state = Mutex(State())
    /// One signal per job submitted and one per thread at ``shutdown()``.
    private let ready = DispatchSemaphore(value: 0)

    init(threads: Int, capacity: Int) {
        self.threads = max(1, threads)
        self.capacity = max(1, capacity)
    }

    /// Starts the threads; each leaves `group` when it ends after ``shutdown()``.
    func start(group: DispatchGroup) {
        for _ in 0..<threads {
            HTTPServer.startThread("comments-serve-analysis", in: group) { [self] in run() }
        }
    }

    /// Queues `job`; false (and nothing queued) when the queue is full or the pool shut down.
    func submit(_ job: @escaping @Sendable () -> Void) -> Bool {
        let accepted = state.withLock { s -> Bool in
            guard !s.closed, s.queued < capacity else { return false }
            s.jobs.append(job)
            return true
        }
        if accepted { ready.signal() }
        return accepted
    }

    /// Jobs waiting now (for tests and metrics).
    var queued: Int { state.withLock { $0.queued } }

    /// The threads finish the jobs already queued, then end; later submissions are refused.
    func shutdown() {
        let first = state.withLock { s -> Bool in
            defer { s.closed = true }
            return !s.closed
        }
        guard first else { return }
        for _ in 0..<threads { ready.signal() }
    }

    private func run() {
        while true {
            ready.wait()
            let job = state.withLock { s -> (@Sendable () -> Void)? in
                guard s.head < s.jobs.count else { return nil }
                let job = s.jobs[s.head]
                s.jobs[s.head] = nil
                s.head += 1
                if s.head == s.jobs.count {
                    s.jobs.removeAll(keepingCapacity: true)
                    s.head = 0
                } else if s.head > 64 && s.head * 2 > s.jobs.count {
                    s.jobs.removeFirst(s.head)
                    s.head = 0
                }
                return job
            }
            // Every signal is a job or a shutdown token: no job left means this one was a token.
            guard let job else { return }
            job()
        }
    }
}
