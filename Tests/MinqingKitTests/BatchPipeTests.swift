import Foundation
import Testing
@testable import MinqingKit

@Suite("BatchPipe: two threads joined by batches")
struct BatchPipeTests {
    struct Stop: Error {}

    @Test("every item arrives once, in order, whatever the batch size", arguments: [1, 3, 256])
    func itemsInOrder(batchSize: Int) throws {
        let received = Locked<[Int]>([])
        try BatchPipe<Int>.consumeInBackground(batchSize: batchSize, maxBatches: 2, { item in
            received.mutate { $0.append(item) }
        }, produce: { pipe in
            for i in 0..<1000 { try pipe.send(i) }
        })
        #expect(received.value == Array(0..<1000))
    }

    @Test("the producer's wait for a slow consumer is measured, and only the wait")
    func producerWait() throws {
        var waited = 0.0
        try BatchPipe<Int>.consumeInBackground(batchSize: 1, maxBatches: 1, { _ in
            usleep(2_000)
        }, produce: { pipe in
            for i in 0..<20 { try pipe.send(i) }
            waited = pipe.producerWaitSeconds
        })
        // 20 items at 2 ms each with one batch of backlog: the producer waits for most of them.
        #expect(waited > 0.02)
        #expect(waited < 5)

        var idle = 1.0
        try BatchPipe<Int>.consumeInBackground(batchSize: 64, maxBatches: 64, { _ in }, produce: { pipe in
            for i in 0..<64 { try pipe.send(i) }
            idle = pipe.producerWaitSeconds
        })
        // One batch handed over into an empty backlog: no wait at all.
        #expect(idle == 0)
    }

    @Test("a consumer's error stops the producer and is the one rethrown")
    func consumerError() {
        let sent = Locked(0)
        #expect(throws: Stop.self) {
            try BatchPipe<Int>.consumeInBackground(batchSize: 1, maxBatches: 1, { item in
                if item == 3 { throw Stop() }
            }, produce: { pipe in
                for i in 0..<100_000 {
                    try pipe.send(i)
                    sent.mutate { $0 += 1 }
                }
            })
        }
        #expect(sent.value < 100_000)
    }
}
