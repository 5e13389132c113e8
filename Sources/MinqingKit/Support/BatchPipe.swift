import Foundation

/// Hands items from one thread to another in batches, with a bounded backlog, so two stages of a
/// pass (reading and writing) run on the machine's two cores at once. Either side can stop the other:
/// the producer by closing with an error, the consumer by cancelling.
final class BatchPipe<Item>: @unchecked Sendable {
    /// The consumer stopped taking items.
    struct Cancelled: MinqingError {
        var description: String { "内部错误：后台处理线程被中途停止，本次运行未完成。请重试，仍然失败时把这条信息告诉维护人员。" }

        /// Never the error a command stops with (the pipe gives the producer's or consumer's own); a
        /// refusal if it were.
        var exitStatus: ExitStatus { .refused }
    }

    private let condition = NSCondition()
    private var ready: [[Item]] = []
    /// Batches the consumer is done with, freed by the producer (``recycle(_:)``).
    private var done: [[Item]] = []
    private var pending: [Item] = []
    private var closed = false
    private var failure: Error?
    private var cancelled = false
    private let batchSize: Int
    private let maxBatches: Int
    /// Producer: seconds spent waiting for the consumer to take a batch (the backlog was full).
    private(set) var producerWaitSeconds = 0.0

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
        var finished: [[Item]] = []
        condition.lock()
        defer {
            condition.unlock()
            // The consumer's finished batches are freed here, on the producer's thread, outside the lock.
            finished.removeAll()
        }
        if ready.count >= maxBatches && !cancelled {
            let start = DispatchTime.now().uptimeNanoseconds
            while ready.count >= maxBatches && !cancelled { condition.wait() }
            producerWaitSeconds += Double(DispatchTime.now().uptimeNanoseconds &- start) / 1e9
        }
        if cancelled { throw Cancelled() }
        ready.append(pending)
        pending = []
        pending.reserveCapacity(batchSize)
        swap(&finished, &done)
        condition.broadcast()
    }

    /// Consumer: hands a batch it is done with back to the producer's thread, which frees it (its items
    /// were made there: freeing them there spares the consumer, the slower side of the ingest, the work
    /// and the allocator's cross-thread path).
    func recycle(_ batch: consuming [Item]) {
        condition.lock()
        done.append(batch)
        condition.unlock()
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

    /// Waits for the thread to finish (at once when it has: `join` may be called again).
    func join() throws -> Result {
        done.wait()
        done.signal()
        guard let result else { throw BatchPipe<Int>.Cancelled() }
        return try result.get()
    }
}

/// A value handed to another thread by code that guarantees only one thread uses it at a time.
struct Unchecked<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

extension BatchPipe {
    /// Runs `produce` on a second thread and `consume` on this one, joined by a pipe, and returns what
    /// `produce` returns. The first error on either side stops both and is rethrown.
    static func produceInBackground<Result>(
        _ produce: @escaping (BatchPipe) throws -> Result, consume: (Item) throws -> Void
    ) throws -> Result {
        let pipe = BatchPipe()
        let worker = WorkerThread<Result> {
            do {
                let result = try produce(pipe)
                pipe.close()
                return result
            } catch {
                pipe.close(error: error)
                throw error
            }
        }
        var consumeError: Error?
        do {
            // By index: each item is lent to `consume`, not copied out of the batch; the batch then goes
            // back to the producer's thread to be freed.
            while let batch = try pipe.receive() {
                for k in batch.indices { try consume(batch[k]) }
                pipe.recycle(batch)
            }
        } catch {
            consumeError = error
            pipe.cancel()
        }
        let result: Result
        do {
            result = try worker.join()
        } catch {
            throw consumeError ?? error
        }
        if let consumeError { throw consumeError }
        return result
    }

    /// Runs `produce` on this thread and `consume` on a second one, joined by a pipe (for a producer
    /// tied to this thread, like a database connection). The first error on either side stops both and
    /// is rethrown.
    static func consumeInBackground(
        batchSize: Int = 512, maxBatches: Int = 8, _ consume: @escaping (Item) throws -> Void,
        produce: (BatchPipe) throws -> Void
    ) throws {
        let pipe = BatchPipe(batchSize: batchSize, maxBatches: maxBatches)
        let worker = WorkerThread<Void> {
            do {
                while let batch = try pipe.receive() {
                    for item in batch { try consume(item) }
                }
            } catch {
                pipe.cancel()
                throw error
            }
        }
        var produceError: Error?
        do {
            try produce(pipe)
            pipe.close()
        } catch {
            produceError = error
            pipe.close(error: error)
        }
        do {
            try worker.join()
        } catch {
            throw produceError.flatMap { $0 is Cancelled ? nil : $0 } ?? error
        }
        if let produceError { throw produceError }
    }
}
