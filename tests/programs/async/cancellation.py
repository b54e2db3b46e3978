# asyncio cancellation: task.cancel(), cancelled(), CancelledError in the task, gather
# propagation, wait_for timeouts, shield, cleanup in finally
import asyncio

async def long_job(name):
    try:
        print(name, "started")
        await asyncio.sleep(10)
        print(name, "never finishes")
    except asyncio.CancelledError:
        print(name, "got CancelledError")
        raise
    finally:
        print(name, "cleanup")

async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn ignores cancellation")
    return "stubborn result"

async def quick():
    await asyncio.sleep(0.01)
    return "quick"

async def main():
    t = asyncio.create_task(long_job("job1"))
    await asyncio.sleep(0)
    print("cancel returns", t.cancel())
    print("cancelled yet?", t.cancelled(), t.done())
    try:
        await t
    except asyncio.CancelledError:
        print("awaiting cancelled task raised CancelledError")
    print("cancelled now?", t.cancelled(), t.done(), t.cancel())

    t = asyncio.create_task(long_job("job2"))
    t.cancel("with message")
    try:
        await t
    except asyncio.CancelledError as e:
        print("message:", e.args)

    s = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    s.cancel()
    print("stubborn returned", await s, s.cancelled())

    g = asyncio.gather(long_job("g1"), long_job("g2"))
    await asyncio.sleep(0)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled, children cancelled")

    child = asyncio.create_task(long_job("child"))
    outer = asyncio.gather(child, quick())
    await asyncio.sleep(0)
    child.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("gather propagated the child's cancellation")

    try:
        await asyncio.wait_for(long_job("timed"), timeout=0.02)
    except asyncio.TimeoutError as e:
        print("TimeoutError", type(e).__name__, isinstance(e, TimeoutError))
    print("wait_for in time:", await asyncio.wait_for(quick(), timeout=1))
    print("wait_for without timeout:", await asyncio.wait_for(quick(), None))

    inner = asyncio.create_task(quick())
    shielded = asyncio.shield(inner)
    shielded.cancel()
    try:
        await shielded
    except asyncio.CancelledError:
        print("shield cancelled, inner still running:", inner.done())
    print("inner result", await inner)

    async def self_cancel():
        asyncio.current_task().cancel()
        await asyncio.sleep(0)
        print("not reached")
    t = asyncio.create_task(self_cancel())
    await asyncio.sleep(0.01)
    print("self cancelled", t.cancelled())

    pending = asyncio.create_task(long_job("left over"))
    await asyncio.sleep(0)
    return "main returns with a task still pending"

print(asyncio.run(main()))
