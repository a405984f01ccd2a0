import Foundation

/// Runs a transform over a stream of inputs on several threads and hands the results back in input
/// order, with at most `window` results in flight, so memory is bounded by a few documents rather
/// than the corpus, and output order never depends on scheduling.
///
/// Inputs are pulled one at a time under a lock of their own (so `next` may read a stream such as
/// stdin, and may block on it without holding back finished results); results
/// are consumed on the calling thread, which may stop the run early by returning `false`. The
/// default window is four results per job, so that one long file does not leave the other
/// workers idle while the consumer waits for it.
package enum OrderedParallelMap {
    /// The most threads a run starts, whatever `jobs` asks: far more than any machine gains from
    /// (a job per core is the default), and few enough that `--jobs 1000000` neither spends its
    /// time starting threads nor overflows the window arithmetic.
    package static let maximumJobs = 256

    package static func run<Input, Output>(
        jobs: Int,
        window: Int? = nil,
        next: @escaping () -> Input?,
        transform: @escaping @Sendable (Input) -> Output,
        consume: (Output) -> Bool
    ) {
        let jobs = min(max(1, jobs), maximumJobs)
        if jobs == 1 {
            // One job: no threads at all, the plainest and most predictable schedule.
            while let input = next() {
                if !consume(transform(input)) { return }
            }
            return
        }
        let state = State<Input, Output>(window: max(jobs, window ?? jobs * 4), next: next, transform: transform)
        var threads: [Thread] = []
        for _ in 0..<jobs {
            let thread = Thread { state.work() }
            thread.stackSize = 8 << 20
            threads.append(thread)
        }
        state.condition.lock()
        state.running = jobs
        state.condition.unlock()
        for thread in threads { thread.start() }
        state.drain(consume)
    }

    /// Shared by the workers and the consumer; every field is guarded by `condition`, except
    /// `inputDone`, which is guarded by `inputLock` (held while calling `next`).
    ///
    /// Wake-ups are counted out rather than broadcast on every change: a worker wakes the consumer
    /// only with the result it waits for (the next in order), and the consumer wakes the workers
    /// only when one of them waits for room in the window. Broadcasting on every result and every
    /// row written cost some 3.5 context switches per input on 2 cores (20,700 on a 6,000-file
    /// export against 1,800 with one job), each taking a core from the analysis.
    final class State<Input, Output>: @unchecked Sendable {
        let condition = NSCondition()
        let inputLock = NSLock()
        var inputDone = false
        let window: Int
        let next: () -> Input?
        let transform: @Sendable (Input) -> Output
        var produced = 0
        var consumed = 0
        var exhausted = false
        var cancelled = false
        var running = 0
        var results: [Int: Output] = [:]
        /// Whether the consumer sleeps until result `consumed` (or the end) arrives.
        var consumerWaiting = false
        /// Workers asleep until the window has room (or the run ends).
        var workersWaiting = 0

        init(window: Int, next: @escaping () -> Input?, transform: @escaping @Sendable (Input) -> Output) {
            self.window = window
            self.next = next
            self.transform = transform
        }

        func work() {
            while true {
                condition.lock()
                while !cancelled && !exhausted && produced - consumed >= window {
                    workersWaiting += 1
                    condition.wait()
                    workersWaiting -= 1
                }
                let stop = cancelled || exhausted
                condition.unlock()
                if stop { break }
                // `next` runs under its own lock, not `condition`: a worker waiting for the next
                // document of a slow stream must not keep the others from handing in their results,
                // nor the consumer from writing the rows of the documents already done.
                inputLock.lock()
                let input = inputDone ? nil : next()
                if input == nil { inputDone = true }
                condition.lock()
                let index = produced
                if input == nil {
                    exhausted = true
                    condition.broadcast()
                } else {
                    produced += 1
                }
                condition.unlock()
                inputLock.unlock()
                guard let input else { break }
                let output = transform(input)
                condition.lock()
                results[index] = output
                // Only the result the consumer waits for is worth waking it for.
                if consumerWaiting && index == consumed { condition.broadcast() }
                condition.unlock()
            }
            condition.lock()
            running -= 1
            condition.broadcast()
            condition.unlock()
        }

        func drain(_ consume: (Output) -> Bool) {
            condition.lock()
            while true {
                if let output = results.removeValue(forKey: consumed) {
                    consumed += 1
                    if workersWaiting > 0 { condition.broadcast() }
                    condition.unlock()
                    let keepGoing = consume(output)
                    condition.lock()
                    if !keepGoing {
                        cancelled = true
                        condition.broadcast()
                        break
                    }
                    continue
                }
                if exhausted && consumed == produced { break }
                consumerWaiting = true
                condition.wait()
                consumerWaiting = false
            }
            // Let every worker leave before returning (they may be finishing a cancelled item).
            while running > 0 { condition.wait() }
            condition.unlock()
        }
    }
}
