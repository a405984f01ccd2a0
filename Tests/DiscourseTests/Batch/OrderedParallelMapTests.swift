import Foundation
import Testing

@testable import Discourse

@Suite("OrderedParallelMap")
struct OrderedParallelMapTests {
    /// Work items that finish in scrambled order must still come out in input order; a job count
    /// far beyond ``OrderedParallelMap/maximumJobs`` runs as that many.
    @Test(arguments: [1, 2, 4, 8, Int.max])
    func outputKeepsInputOrder(jobs: Int) {
        var inputs = Array(0..<200).makeIterator()
        var seen: [Int] = []
        OrderedParallelMap.run(
            jobs: jobs, next: { inputs.next() },
            transform: { (i: Int) -> Int in
                // Early items are slowest, so later ones finish first.
                usleep(useconds_t((200 - i) % 7 * 200))
                return i * i
            },
            consume: {
                seen.append($0)
                return true
            })
        #expect(seen == (0..<200).map { $0 * $0 })
    }

    @Test func stoppingEarlyStopsPullingInputs() {
        let pulled = Counter()
        var n = 0
        var consumed = 0
        OrderedParallelMap.run(
            jobs: 3, window: 4,
            next: { () -> Int? in
                pulled.increment()
                n += 1
                return n <= 1000 ? n : nil
            },
            transform: { $0 },
            consume: { _ in
                consumed += 1
                return consumed < 10
            })
        #expect(consumed == 10)
        #expect(pulled.value < 30, "the window bounds how far the workers run ahead")
    }

    /// A stream that sends the next document only once the rows of the previous one are out (a
    /// slow producer, or a client waiting for its answer): the consumer must get each result while a
    /// worker is still waiting in `next`.
    @Test(arguments: [1, 2, 3])
    func resultsAreConsumedWhileAWorkerWaitsForInput(jobs: Int) {
        let consumedOne = DispatchSemaphore(value: 0)
        var n = 0
        var heldBack = false
        var seen: [Int] = []
        OrderedParallelMap.run(
            jobs: jobs,
            next: { () -> Int? in
                n += 1
                if n == 2 && consumedOne.wait(timeout: .now() + 10) == .timedOut { heldBack = true }
                return n <= 3 ? n : nil
            },
            transform: { $0 },
            consume: { value in
                seen.append(value)
                if value == 1 { consumedOne.signal() }
                return true
            })
        #expect(!heldBack, "the first result waited for the second input")
        #expect(seen == [1, 2, 3])
    }

    @Test func emptyInputConsumesNothing() {
        var calls = 0
        OrderedParallelMap.run(
            jobs: 4, next: { () -> Int? in nil }, transform: { $0 },
            consume: { _ in
                calls += 1
                return true
            })
        #expect(calls == 0)
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
