import Foundation
import Testing

@testable import Discourse

@Suite("OrderedParallelMap")
struct OrderedParallelMapTests {
    /// Work items that finish in scrambled order must still come out in input order.
    @Test(arguments: [1, 2, 4, 8])
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
            consume: { seen.append($0); return true })
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

    @Test func emptyInputConsumesNothing() {
        var calls = 0
        OrderedParallelMap.run(jobs: 4, next: { () -> Int? in nil }, transform: { $0 }, consume: { _ in calls += 1; return true })
        #expect(calls == 0)
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
