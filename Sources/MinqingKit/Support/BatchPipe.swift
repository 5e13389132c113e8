import Foundation

/// Hands items from one thread to another in batches, with a bounded backlog, so two stages of a
/// pass (reading and writing) run on the machine's two cores at once. Either side can stop the other:
/// the producer by closing with an error, the consumer by cancelling.
final class BatchPipe<Item>: @unchecked Sendable {
    /// The consumer stopped taking items.
    struct Cancelled: Error {}

    private let condition = NSCondition()
    private var ready: [[Item]] = []
    private var pending: [Item] = []
    private var closed = false
    private var failure: Error?
    private var cancelled = false
    private let batchSize: Int
    private let maxBatches: Int

    /// A pipe passing `batchSize` items at a time, with at most `maxBatches` waiting.
    init(batchSize: Int = 512, maxBatches: Int = 8) {
        self.batchSize = batchSize
        self.maxBatches = maxBatches
        pending.reserveCapacity(batchSize)
    }

    /// Producer: adds an item; throws ``Cancelled`` when the consumer has stopped.
    func send(_ item: Item) throws {
        pending.append(item)
        if pending.count >= batchSize { try flush() }
    }

    private func flush() throws {
        condition.lock()
        defer { condition.unlock() }
        while ready.count >= maxBatches && !cancelled { condition.wait() }
        if cancelled { throw Cancelled() }
        ready.append(pending)
        pending = []
        pending.reserveCapacity(batchSize)
        condition.broadcast()
    }

    /// Producer: no more items; `error` is rethrown to the consumer after the items sent before it.
    func close(error: Error? = nil) {
        if error == nil { try? flush() }
        condition.lock()
        closed = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// Consumer: the next batch, nil at the end; throws the producer's error.
    func receive() throws -> [Item]? {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty && !closed { condition.wait() }
        if !ready.isEmpty {
            let batch = ready.removeFirst()
            condition.broadcast()
            return batch
        }
        if let failure { throw failure }
        return nil
    }

    /// Consumer: stop; a producer waiting or sending gets ``Cancelled``.
    func cancel() {
        condition.lock()
        cancelled = true
        ready = []
        condition.broadcast()
        condition.unlock()
    }
}

/// Runs `body` on a new thread; ``join()`` waits for it and returns its result or rethrows its error.
final class WorkerThread<Result>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Swift.Result<Result, Error>?

    /// Starts `body` at once.
    init(_ body: @escaping () throws -> Result) {
        let work = Unchecked(body)
        let thread = Thread { [self] in
            result = Swift.Result { try work.value() }
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Waits for the thread to finish.
    func join() throws -> Result {
        done.wait()
        guard let result else { throw BatchPipe<Int>.Cancelled() }
        return try result.get()
    }
}

/// A value handed to another thread by code that guarantees only one thread uses it at a time.
struct Unchecked<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
