# asyncio: run, create_task, gather, sleep(0) interleaving in CPython's order, results
import asyncio

async def worker(name, n):
    for i in range(n):
        print(name, "step", i)
        await asyncio.sleep(0)
    print(name, "done")
    return name + "!"

async def immediate(x):
    return x * 2

async def main():
    t1 = asyncio.create_task(worker("A", 3))
    t2 = asyncio.create_task(worker("B", 2))
    print("tasks created", t1.done(), t2.get_name(), t1.get_name())
    await asyncio.sleep(0)
    print("main after one yield")
    results = await asyncio.gather(t1, t2, worker("C", 1), immediate(21))
    print("gather results", results)
    print("empty gather", await asyncio.gather())
    print(t1.done(), t1.result(), t1.cancelled())
    print("current", asyncio.current_task().get_name())

    order = []
    async def sleeper(delay, tag):
        await asyncio.sleep(delay)
        order.append(tag)
    await asyncio.gather(sleeper(0.03, "slow"), sleeper(0.01, "fast"), sleeper(0.02, "middle"))
    print("sleep order", order)

    async def fails():
        await asyncio.sleep(0)
        raise ValueError("task failed")
    try:
        await asyncio.gather(worker("D", 2), fails())
    except ValueError as e:
        print("gather raised", e)
    await asyncio.sleep(0.01)
    res = await asyncio.gather(fails(), immediate(1), return_exceptions=True)
    print("return_exceptions", [type(r).__name__ for r in res], res[1])

    fut = asyncio.get_running_loop().create_future()
    async def setter():
        await asyncio.sleep(0)
        fut.set_result("future value")
    asyncio.create_task(setter())
    print("awaited future", await fut)
    fut2 = asyncio.get_running_loop().create_future()
    fut2.add_done_callback(lambda f: print("callback saw", f.result()))
    fut2.set_result(3)
    await asyncio.sleep(0)
    try:
        fut2.set_result(4)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError")
    print(await asyncio.sleep(0, result="sleep result"))
    return "main result"

print(asyncio.run(main()))

async def boom():
    raise KeyError("uncaught in main")
try:
    asyncio.run(boom())
except KeyError as e:
    print("asyncio.run raised", repr(e))
try:
    asyncio.run(42)
except ValueError as e:
    print("ValueError:", e)
