# asyncio.Queue (producer/consumer, bounded, join/task_done, get_nowait), Event, Lock
import asyncio

async def producer(q, n, tag):
    for i in range(n):
        await q.put((tag, i))
        print("put", tag, i, "size", q.qsize())
    await q.put(None)

async def consumer(q, name, producers):
    got = []
    finished = 0
    while finished < producers:
        item = await q.get()
        q.task_done()
        if item is None:
            finished += 1
            continue
        print(name, "got", item)
        got.append(item)
    return got

async def main():
    q = asyncio.Queue(maxsize=2)
    res = await asyncio.gather(producer(q, 4, "p"), consumer(q, "c", 1))
    print("consumed", res[1])

    q = asyncio.Queue()
    await asyncio.gather(producer(q, 2, "x"), producer(q, 2, "y"), consumer(q, "c2", 2))
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    bounded = asyncio.Queue(1)
    bounded.put_nowait(1)
    try:
        bounded.put_nowait(2)
    except asyncio.QueueFull:
        print("QueueFull", bounded.full(), bounded.maxsize)

    work = asyncio.Queue()
    for i in range(3):
        work.put_nowait(i)
    async def handler():
        while True:
            item = await work.get()
            await asyncio.sleep(0)
            print("handled", item)
            work.task_done()
    h = asyncio.create_task(handler())
    await work.join()
    print("all work done")
    h.cancel()

    ev = asyncio.Event()
    async def waiter(i):
        print("waiter", i, "waiting")
        await ev.wait()
        print("waiter", i, "woke")
        return i
    tasks = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    print("setting", ev.is_set())
    ev.set()
    print(await asyncio.gather(*tasks))
    ev.clear()
    print("cleared", ev.is_set())

    lock = asyncio.Lock()
    async def critical(i):
        async with lock:
            print("enter", i)
            await asyncio.sleep(0)
            print("leave", i)
    await asyncio.gather(*(critical(i) for i in range(3)))
    print("locked at end", lock.locked())

    pq = asyncio.PriorityQueue()
    for v in [5, 1, 4, 2, 3]:
        pq.put_nowait(v)
    print([pq.get_nowait() for _ in range(5)])
    lq = asyncio.LifoQueue()
    for v in "abc":
        lq.put_nowait(v)
    print([lq.get_nowait() for _ in range(3)])

asyncio.run(main())
