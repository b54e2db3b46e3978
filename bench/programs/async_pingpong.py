# Two tasks exchanging 100,000 messages over asyncio.Queues: every message wakes the other task
# through a future, so this measures the event loop, tasks and queues.
import asyncio

N = 100_000

async def ping(to_pong, from_pong):
    total = 0
    for i in range(N):
        await to_pong.put(i)
        total += await from_pong.get()
    await to_pong.put(None)
    return total

async def pong(from_ping, to_ping):
    count = 0
    while True:
        msg = await from_ping.get()
        if msg is None:
            return count
        count += 1
        await to_ping.put(msg * 2)

async def main():
    a = asyncio.Queue()
    b = asyncio.Queue()
    total, count = await asyncio.gather(ping(a, b), pong(a, b))
    print(count, total)

asyncio.run(main())
