import Foundation

/// Runs a transform over a stream of inputs on several threads and hands the results back in input
/// order, with at most `window` results in flight, so memory is bounded by a few documents rather
/// than the corpus, and output order never depends on scheduling.
///
/// Inputs are pulled one at a time under a lock (so `next` may read a stream such as stdin); results
/// are consumed on the calling thread, which may stop the run early by returning `false`. The
/// default window is four results per job, so that one long file does not leave the other
/// workers idle while the consumer waits for it.
package enum OrderedParallelMap {
    package static func run<Input, Output>(
        jobs: Int,
        window: Int? = nil,
        next: @escaping () -> Input?,
        transform: @escaping @Sendable (Input) -> Output,
        consume: (Output) -> Bool
    ) {
        let jobs = max(1, jobs)
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

    /// Shared by the workers and the consumer; every field is guarded by `condition`.
    final class State<Input, Output>: @unchecked Sendable {
        let condition = NSCondition()
        let window: Int
        let next: () -> Input?
        let transform: @Sendable (Input) -> Output
        var produced = 0
        var consumed = 0
        var exhausted = false
        var cancelled = false
        var running = 0
        var results: [Int: Output] = [:]

        init(window: Int, next: @escaping () -> Input?, transform: @escaping @Sendable (Input) -> Output) {
            self.window = window
            self.next = next
            self.transform = transform
        }

        func work() {
            condition.lock()
            while true {
                if cancelled || exhausted { break }
                if produced - consumed >= window {
                    condition.wait()
                    continue
                }
                guard let input = next() else {
                    exhausted = true
                    condition.broadcast()
                    break
                }
                let index = produced
                produced += 1
                condition.unlock()
                let output = transform(input)
                condition.lock()
                results[index] = output
                condition.broadcast()
            }
            running -= 1
            condition.broadcast()
            condition.unlock()
        }

        func drain(_ consume: (Output) -> Bool) {
            condition.lock()
            while true {
                if let output = results.removeValue(forKey: consumed) {
                    consumed += 1
                    condition.broadcast()
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
                condition.wait()
            }
            // Let every worker leave before returning (they may be finishing a cancelled item).
            while running > 0 { condition.wait() }
            condition.unlock()
        }
    }
}
